package dev.lotussaga.contracts.events;

import io.temporal.activity.ActivityInterface;

/**
 * Publishes order events to Kafka; implemented in the workflows module, on the saga's task queue.
 */
@ActivityInterface
public interface OrderEventActivities {

  String TOPIC = "lotus.order-events";

  /** Publishes and waits for the broker's acknowledgement; a retry publishes the same event id. */
  void publishOrderEvent(OrderEvent event);
}
