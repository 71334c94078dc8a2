package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.observability.OrderLogContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the events that tell the buyer something; pure state changes are not notifications. */
@Component
class OrderEventListener {

  private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);

  private final NotificationStore store;
  private final NotificationsStored stored;

  OrderEventListener(NotificationStore store, NotificationsStored stored) {
    this.store = store;
    this.stored = stored;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC)
  void on(OrderEvent event) {
    if (event.notification() == null) {
      return;
    }
    try (OrderLogContext context = OrderLogContext.of(event.orderId())) {
      if (store.store(event)) {
        stored.count(event.notification());
      } else {
        log.debug("Event {} was stored before", event.eventId());
        stored.countDuplicate();
      }
    }
  }
}
