package dev.lotussaga.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.faults.OrderEvents.Event;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OrderEventsTest {

  static final String ORDER = "5f0c2a1e-7b8d-4c6a-9e3f-2d1b0a9c8e7f";

  @Test
  void readsTheGenerationFromARedrivenRunsIdsAndOneFromTheFirstRuns() {
    assertThat(OrderEvents.parse(ORDER, ORDER + "-3")).containsExactly(1, 3);
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r2-1")).containsExactly(2, 1);
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r12-40")).containsExactly(12, 40);
  }

  @Test
  void readsIdsWithTheFingerprintOfWhatTheEventSays() {
    assertThat(OrderEvents.parse(ORDER, ORDER + "-3-374f30cd")).containsExactly(1, 3);
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r2-1-0000beef")).containsExactly(2, 1);
    assertThat(OrderEvents.parse(ORDER, ORDER + "-3-374F30CD")).isNull();
    assertThat(OrderEvents.parse(ORDER, ORDER + "-3-374f30")).isNull();
  }

  @Test
  void anEventOfAnAbandonedPathIsSupersededByTheOneConsumedAfterIt() {
    Event abandoned = event(1, 2, "ValidatingDelivery", null, "-374f30cd");
    Event taken = event(1, 2, "Cancelled", "ORDER_CANCELLED", "-0000beef");
    OrderEvents events =
        new OrderEvents(
            new TreeMap<>(
                Map.of(1, new TreeMap<>(Map.of(1, event(1, 1, "ValidatingDelivery"), 2, taken)))),
            List.of(abandoned));

    assertThat(events.last()).isEqualTo(taken);
    assertThat(events.generationsWithGaps()).isEmpty();
    assertThat(events.all()).contains(abandoned, taken).hasSize(3);
    assertThat(events.describe()).contains("superseded");
  }

  @Test
  void refusesIdsOfNeitherForm() {
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r1-1")).isNull();
    assertThat(OrderEvents.parse(ORDER, ORDER + "-0")).isNull();
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r2-")).isNull();
    assertThat(OrderEvents.parse(ORDER, ORDER + "-r2")).isNull();
    assertThat(OrderEvents.parse(ORDER, ORDER + "-paid")).isNull();
    assertThat(OrderEvents.parse(ORDER, "another-order-1")).isNull();
  }

  @Test
  void theCurrentStateIsTheLastEventOfTheHighestGeneration() {
    OrderEvents events =
        events(
            event(1, 1, "ValidatingStock"),
            event(1, 2, "ValidatingDelivery"),
            event(2, 1, "ValidatingStock"));

    assertThat(events.last().eventId()).isEqualTo(ORDER + "-r2-1");
    assertThat(events.generationsWithGaps()).isEmpty();
  }

  @Test
  void aGapInAnyGenerationIsFound() {
    OrderEvents events =
        events(event(1, 1, "ValidatingStock"), event(2, 1, "ValidatingStock"), event(2, 3, "x"));

    assertThat(events.generationsWithGaps()).containsExactly(2);
  }

  static Event event(int generation, int sequence, String state) {
    return event(generation, sequence, state, null);
  }

  static Event event(int generation, int sequence, String state, String notification) {
    return event(generation, sequence, state, notification, "");
  }

  static Event event(
      int generation, int sequence, String state, String notification, String fingerprint) {
    String id = ORDER + (generation == 1 ? "-" : "-r" + generation + "-") + sequence + fingerprint;
    return new Event(id, generation, sequence, state, null, notification);
  }

  static OrderEvents events(Event... events) {
    NavigableMap<Integer, NavigableMap<Integer, Event>> byGeneration = new TreeMap<>();
    for (Event event : events) {
      byGeneration
          .computeIfAbsent(event.generation(), any -> new TreeMap<>())
          .put(event.sequence(), event);
    }
    return OrderEvents.copyOf(byGeneration, List.of());
  }
}
