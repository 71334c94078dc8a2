package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.observability.kafka.PolledRecords;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Records each poll's state changes in one transaction (see {@link PolledRecords}). */
@Component
class OrderEventsListener {

  private static final String LISTENER = "api-gateway.order-events";

  private final OrderStateLog stateLog;
  private final PolledRecords polled;

  OrderEventsListener(OrderStateLog stateLog, PolledRecords polled) {
    this.stateLog = stateLog;
    this.polled = polled;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC, batch = "true")
  void on(List<ConsumerRecord<String, OrderEvent>> records) {
    polled.handle(LISTENER, records, stateLog::recordAll, stateLog::record);
  }
}
