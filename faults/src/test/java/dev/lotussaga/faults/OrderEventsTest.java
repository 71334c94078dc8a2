package dev.lotussaga.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.faults.OrderEvents.Event;
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
    String id = ORDER + (generation == 1 ? "-" : "-r" + generation + "-") + sequence;
    return new Event(id, generation, sequence, state, null, notification);
  }

  static OrderEvents events(Event... events) {
    NavigableMap<Integer, NavigableMap<Integer, Event>> byGeneration = new TreeMap<>();
    for (Event event : events) {
      byGeneration
          .computeIfAbsent(event.generation(), any -> new TreeMap<>())
          .put(event.sequence(), event);
    }
    return OrderEvents.copyOf(byGeneration);
  }
}
