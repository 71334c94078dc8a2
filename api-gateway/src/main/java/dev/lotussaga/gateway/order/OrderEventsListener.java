package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.observability.OrderLogContext;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventsListener {

  private final OrderStateLog stateLog;

  OrderEventsListener(OrderStateLog stateLog) {
    this.stateLog = stateLog;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC)
  void on(OrderEvent event) {
    try (OrderLogContext context = OrderLogContext.of(event.orderId())) {
      stateLog.record(event);
    }
  }
}
