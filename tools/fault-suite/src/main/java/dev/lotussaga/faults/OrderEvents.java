package dev.lotussaga.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One order's distinct events on Kafka, by run generation and sequence number within that run. The
 * first run's ids are {@code <orderId>-<n>-<fingerprint>}, a re-driven run's {@code
 * <orderId>-r<g>-<n>-<fingerprint>} (g from 2); n counts from 1 in each run, and the current state
 * is the last event of the highest generation. A workflow task retried after a crash may take
 * another path and publish another event under a number already used: the one consumed last holds
 * the place, the others are kept as superseded.
 */
record OrderEvents(
    NavigableMap<Integer, NavigableMap<Integer, Event>> byGeneration, List<Event> superseded) {

  record Event(
      String eventId,
      int generation,
      int sequence,
      String state,
      String waitingFor,
      String notification) {}

  private static final Pattern FINGERPRINT = Pattern.compile("-[0-9a-f]{8}$");

  /**
   * Generation and sequence number of an event id, or {@code null} if it follows neither form. The
   * fingerprint may be missing (events published before it was added).
   */
  static int[] parse(String orderId, String eventId) {
    String prefix = orderId + "-";
    if (!eventId.startsWith(prefix)) {
      return null;
    }
    String rest = FINGERPRINT.matcher(eventId.substring(prefix.length())).replaceFirst("");
    try {
      if (!rest.startsWith("r")) {
        return positive(1, Integer.parseInt(rest));
      }
      int dash = rest.indexOf('-');
      int generation = Integer.parseInt(rest.substring(1, dash));
      // the first run never names its generation, so r1 would be a second name for its ids
      return generation < 2
          ? null
          : positive(generation, Integer.parseInt(rest.substring(dash + 1)));
    } catch (NumberFormatException | IndexOutOfBoundsException unreadable) {
      return null;
    }
  }

  private static int[] positive(int generation, int sequence) {
    return sequence < 1 ? null : new int[] {generation, sequence};
  }

  static OrderEvents copyOf(
      NavigableMap<Integer, NavigableMap<Integer, Event>> byGeneration, List<Event> superseded) {
    NavigableMap<Integer, NavigableMap<Integer, Event>> copy = new TreeMap<>();
    byGeneration.forEach((generation, events) -> copy.put(generation, new TreeMap<>(events)));
    return new OrderEvents(copy, List.copyOf(superseded));
  }

  boolean isEmpty() {
    return byGeneration.isEmpty();
  }

  /** The current state as published: the last event of the highest generation. */
  Event last() {
    return isEmpty() ? null : byGeneration.lastEntry().getValue().lastEntry().getValue();
  }

  /** Generations whose events are not numbered 1..n without a gap: a state change went missing. */
  List<Integer> generationsWithGaps() {
    List<Integer> gaps = new ArrayList<>();
    byGeneration.forEach(
        (generation, events) -> {
          if (events.firstKey() != 1 || events.lastKey() != events.size()) {
            gaps.add(generation);
          }
        });
    return gaps;
  }

  /** Every distinct event published, superseded ones included. */
  Stream<Event> all() {
    return Stream.concat(
        byGeneration.values().stream().flatMap(events -> events.values().stream()),
        superseded.stream());
  }

  /** For a violation's details: each generation's sequence numbers and the last event. */
  String describe() {
    Map<Integer, Object> numbers = new TreeMap<>();
    byGeneration.forEach((generation, events) -> numbers.put(generation, events.keySet()));
    return "events by generation "
        + numbers
        + " last "
        + last()
        + (superseded.isEmpty() ? "" : " superseded " + superseded);
  }
}
