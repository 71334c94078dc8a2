package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

@Component
class OrderEventsListener {

  private final OrderTimeline timeline;

  OrderEventsListener(OrderTimeline timeline) {
    this.timeline = timeline;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC)
  void on(OrderEvent event) {
    timeline.record(event);
  }
}
