package dev.lotussaga.gateway.timeline;

import dev.lotussaga.contracts.order.StateChange;
import java.time.Instant;
import java.util.List;

/**
 * One line of an order's timeline.
 *
 * @param kind {@code workflow}, {@code activity}, {@code local-activity}, {@code signal}, {@code
 *     update}, {@code timer}, {@code state} or {@code wait}
 */
record TimelineEntry(Instant at, String kind, String title, String detail) {

  static TimelineEntry of(StateChange change) {
    if (change.waitingFor() != null) {
      return new TimelineEntry(
          change.at(), "wait", "Waiting for " + change.waitingFor(), "in " + change.state());
    }
    return new TimelineEntry(change.at(), "state", change.state().name(), "state entered");
  }

  static List<TimelineEntry> of(List<StateChange> changes) {
    return changes.stream().map(TimelineEntry::of).toList();
  }
}
