package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.NotificationType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code lotus.notifications.stored} by type, and {@code lotus.notifications.duplicates}: events
 * delivered again (Kafka delivers at least once) and dropped because they were stored before.
 */
@Component
class NotificationsStored {

  static final String STORED = "lotus.notifications.stored";
  static final String DUPLICATES = "lotus.notifications.duplicates";

  private final MeterRegistry registry;
  private final Counter duplicates;

  NotificationsStored(MeterRegistry registry) {
    this.registry = registry;
    this.duplicates =
        Counter.builder(DUPLICATES)
            .description("Redelivered events dropped as stored before")
            .register(registry);
  }

  void count(NotificationType type) {
    Counter.builder(STORED)
        .description("Notifications stored, by type")
        .tag("type", type.name())
        .register(registry)
        .increment();
  }

  void countDuplicate() {
    duplicates.increment();
  }
}
