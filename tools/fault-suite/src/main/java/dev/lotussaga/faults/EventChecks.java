package dev.lotussaga.faults;

import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.faults.OrderEvents.Event;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Per order, the events on Kafka against the workflow's status and the stored notifications. A
 * re-driven run walks the steps again under event ids of its own, so it publishes e.g. ORDER_PAID a
 * second time; the buyer is told that once per order. A payment that fails again is news, so each
 * PAYMENT_FAILED event is stored.
 */
final class EventChecks {

  static final String PUBLISHED =
      "every state change was published (ids 1..n in each run generation),"
          + " the last event of the highest generation is the current state";
  static final String NOTIFIED =
      "each notification is stored once per order, a payment failure once per event";
  static final String IDS = "every event id is <orderId>-<n> or <orderId>-r<g>-<n> with g >= 2";

  private static final String ONCE_PER_EVENT = NotificationType.PAYMENT_FAILED.name();

  void check(
      Verdict verdict,
      String orderId,
      OrderStatus status,
      OrderEvents published,
      Map<String, String> stored) {
    Event last = published.last();
    verdict.holds(
        PUBLISHED,
        orderId,
        last != null
            && published.generationsWithGaps().isEmpty()
            && last.state().equals(status.state().name())
            && Objects.equals(last.waitingFor(), OrderChecks.name(status.waitingFor())),
        published.describe() + ", workflow " + status);
    Map<String, Set<String>> publishedByType = new TreeMap<>();
    published
        .all()
        .filter(event -> event.notification() != null)
        .forEach(
            event ->
                publishedByType
                    .computeIfAbsent(event.notification(), any -> new TreeSet<>())
                    .add(event.eventId()));
    Map<String, Set<String>> storedByType = new TreeMap<>();
    stored.forEach(
        (eventId, type) -> storedByType.computeIfAbsent(type, any -> new TreeSet<>()).add(eventId));
    Set<String> types = new HashSet<>(publishedByType.keySet());
    types.addAll(storedByType.keySet());
    boolean holds =
        types.stream()
            .allMatch(
                type ->
                    storedAsPromised(
                        type,
                        publishedByType.getOrDefault(type, Set.of()),
                        storedByType.getOrDefault(type, Set.of())));
    verdict.holds(
        NOTIFIED, orderId, holds, "published " + publishedByType + ", stored " + storedByType);
  }

  private static boolean storedAsPromised(String type, Set<String> published, Set<String> stored) {
    if (type.equals(ONCE_PER_EVENT)) {
      return stored.equals(published);
    }
    return published.isEmpty()
        ? stored.isEmpty()
        : stored.size() == 1 && published.containsAll(stored);
  }

  /** Ids the event log could not place in a generation, over every event received. */
  static void checkIds(Verdict verdict, EventLog events) {
    List<Map<String, Object>> malformed =
        events.malformedIds().stream().map(id -> Map.<String, Object>of("eventId", id)).toList();
    verdict.rows(IDS, events.received(), malformed);
  }

  static void covered(Verdict verdict, boolean ordersPlaced) {
    verdict.covered(PUBLISHED, ordersPlaced, "orders were placed");
    verdict.covered(NOTIFIED, ordersPlaced, "orders were placed");
    verdict.covered(IDS, ordersPlaced, "orders were placed");
  }
}
