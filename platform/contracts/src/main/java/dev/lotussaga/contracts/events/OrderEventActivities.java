package dev.lotussaga.contracts.events;

import dev.lotussaga.contracts.order.OrderWorkflow;
import io.temporal.activity.ActivityInterface;

/**
 * Publishes order events to Kafka; implemented in the workflows module, on the saga's task queue.
 */
@ActivityInterface
public interface OrderEventActivities {

  /** The saga's own task queue: the workflows module runs these activities beside the saga. */
  String TASK_QUEUE = OrderWorkflow.TASK_QUEUE;

  String TOPIC = "lotus.order-events";

  /** Publishes and waits for the broker's acknowledgement; a retry publishes the same event id. */
  void publishOrderEvent(OrderEvent event);
}
