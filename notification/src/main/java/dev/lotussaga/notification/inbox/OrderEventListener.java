package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the events that tell the buyer something; pure state changes are not notifications. */
@Component
class OrderEventListener {

  private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

  private final NotificationStore store;

  OrderEventListener(NotificationStore store) {
    this.store = store;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC)
  void on(OrderEvent event) {
    if (event.notification() == null) {
      return;
    }
    if (!store.store(event)) {
      log.debug("Event {} of order {} was stored before", event.eventId(), event.orderId());
    }
  }
}
