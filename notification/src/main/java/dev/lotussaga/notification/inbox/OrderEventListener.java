package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.observability.OrderLogContext;
import dev.lotussaga.observability.kafka.PolledRecords;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the events that tell the buyer something; pure state changes are not notifications. Each
 * poll's notifications are stored in one transaction (see {@link PolledRecords}).
 */
@Component
class OrderEventListener {

  private static final Logger log = LoggerFactory.getLogger(OrderEventListener.class);
  private static final String LISTENER = "notification.order-events";

  private final NotificationStore store;
  private final NotificationsStored stored;
  private final PolledRecords polled;

  OrderEventListener(NotificationStore store, NotificationsStored stored, PolledRecords polled) {
    this.store = store;
    this.stored = stored;
    this.polled = polled;
  }

  @KafkaListener(topics = OrderEventActivities.TOPIC, batch = "true")
  void on(List<ConsumerRecord<String, OrderEvent>> records) {
    polled.handle(LISTENER, records, this::storeAll, this::storeOne);
  }

  private void storeAll(List<OrderEvent> events) {
    List<OrderEvent> notifications = events.stream().filter(OrderEventListener::tells).toList();
    if (notifications.isEmpty()) {
      return;
    }
    boolean[] isNew = store.storeAll(notifications);
    for (int i = 0; i < notifications.size(); i++) {
      counted(notifications.get(i), isNew[i]);
    }
  }

  private void storeOne(OrderEvent event) {
    if (tells(event)) {
      try (OrderLogContext context = OrderLogContext.of(event.orderId())) {
        counted(event, store.store(event));
      }
    }
  }

  private void counted(OrderEvent event, boolean isNew) {
    if (isNew) {
      stored.count(event.notification());
    } else {
      try (OrderLogContext context = OrderLogContext.of(event.orderId())) {
        log.debug("Event {} was stored before", event.eventId());
      }
      stored.countDuplicate();
    }
  }

  private static boolean tells(OrderEvent event) {
    return event.notification() != null;
  }
}
