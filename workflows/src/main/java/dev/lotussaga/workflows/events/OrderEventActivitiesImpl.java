package dev.lotussaga.workflows.events;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import io.temporal.spring.boot.ActivityImpl;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Sends each event keyed by order id (so one order's events stay in order on one partition) and
 * waits for the broker's acknowledgement, so that a completed activity means a stored event. A
 * retry may publish twice; the event id lets consumers drop the copy.
 */
@Component
@ActivityImpl(taskQueues = OrderEventActivities.TASK_QUEUE)
class OrderEventActivitiesImpl implements OrderEventActivities {

  private final KafkaTemplate<String, OrderEvent> kafka;

  OrderEventActivitiesImpl(KafkaTemplate<String, OrderEvent> kafka) {
    this.kafka = kafka;
  }

  @Override
  public void publishOrderEvent(OrderEvent event) {
    try {
      kafka.send(TOPIC, event.orderId(), event).get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while publishing " + event.eventId(), e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka did not acknowledge " + event.eventId(), e);
    }
  }
}
