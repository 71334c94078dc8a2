package dev.lotussaga.workflows.events;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderSaga;
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
@ActivityImpl(taskQueues = OrderSaga.TASK_QUEUE)
class KafkaOrderEventPublisher implements OrderEventActivities {

  private final KafkaTemplate<String, OrderEvent> kafka;

  KafkaOrderEventPublisher(KafkaTemplate<String, OrderEvent> kafka) {
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
