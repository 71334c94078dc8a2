package dev.lotussaga.gateway.timeline;

import static dev.lotussaga.gateway.timeline.EventText.joined;
import static dev.lotussaga.gateway.timeline.EventText.message;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The activity events of one history, named by their activity type and attempt. Completions name
 * only the events that scheduled and started them, so this remembers those along the way.
 */
final class ActivityEntries {

  /** The marker name the Java SDK gives local activity results. */
  private static final String LOCAL_ACTIVITY_MARKER = "LocalActivity";

  private final EventText text;
  private final Map<Long, String> nameByScheduledEvent = new HashMap<>();
  private final Map<Long, Integer> attemptByStartedEvent = new HashMap<>();

  ActivityEntries(EventText text) {
    this.text = text;
  }

  TimelineEntry scheduled(Instant at, HistoryEvent event) {
    var scheduled = event.getActivityTaskScheduledEventAttributes();
    String name = scheduled.getActivityType().getName();
    nameByScheduledEvent.put(event.getEventId(), name);
    return new TimelineEntry(
        at,
        "activity",
        name + " scheduled",
        joined(
            "task queue " + scheduled.getTaskQueue().getName(), text.text(scheduled.getInput())));
  }

  /** Not an entry of its own: its attempt number goes with the completion. */
  void started(HistoryEvent event) {
    attemptByStartedEvent.put(
        event.getEventId(), event.getActivityTaskStartedEventAttributes().getAttempt());
  }

  TimelineEntry ended(Instant at, HistoryEvent event) {
    return switch (event.getEventType()) {
      case EVENT_TYPE_ACTIVITY_TASK_COMPLETED -> {
        var completed = event.getActivityTaskCompletedEventAttributes();
        yield entry(
            at,
            completed.getScheduledEventId(),
            completed.getStartedEventId(),
            "completed",
            text.text(completed.getResult()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_FAILED -> {
        var failed = event.getActivityTaskFailedEventAttributes();
        yield entry(
            at,
            failed.getScheduledEventId(),
            failed.getStartedEventId(),
            "failed",
            message(failed.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT -> {
        var timedOut = event.getActivityTaskTimedOutEventAttributes();
        yield entry(
            at,
            timedOut.getScheduledEventId(),
            timedOut.getStartedEventId(),
            "timed out",
            message(timedOut.getFailure()));
      }
      case EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED ->
          entry(
              at,
              event.getActivityTaskCancelRequestedEventAttributes().getScheduledEventId(),
              0,
              "cancellation requested",
              "");
      case EVENT_TYPE_ACTIVITY_TASK_CANCELED -> {
        var cancelled = event.getActivityTaskCanceledEventAttributes();
        yield entry(
            at, cancelled.getScheduledEventId(), cancelled.getStartedEventId(), "cancelled", "");
      }
      default -> throw new IllegalArgumentException("Not an activity outcome: " + event);
    };
  }

  /**
   * A local activity leaves only a marker, with its type, input and attempt in the marker's
   * details. Version markers and other SDK bookkeeping are left out, as is a marker that cannot be
   * decoded.
   */
  Optional<TimelineEntry> local(Instant at, MarkerRecordedEventAttributes marker) {
    if (!LOCAL_ACTIVITY_MARKER.equals(marker.getMarkerName())) {
      return Optional.empty();
    }
    Map<String, Payloads> details = marker.getDetailsMap();
    Optional<String> type =
        text.json(details.get("type")).filter(JsonNode::isTextual).map(JsonNode::asText);
    if (type.isEmpty()) {
      return Optional.empty();
    }
    String attempt =
        text.json(details.get("meta"))
            .map(meta -> meta.path("atpt"))
            .filter(JsonNode::canConvertToInt)
            .map(n -> "attempt " + n.asInt())
            .orElse("");
    return Optional.of(
        marker.hasFailure()
            ? new TimelineEntry(
                at,
                "local-activity",
                type.get() + " failed",
                joined(attempt, message(marker.getFailure())))
            : new TimelineEntry(
                at,
                "local-activity",
                type.get() + " completed",
                joined(attempt, text.text(details.get("input")))));
  }

  private TimelineEntry entry(
      Instant at, long scheduledEventId, long startedEventId, String outcome, String detail) {
    String name = nameByScheduledEvent.getOrDefault(scheduledEventId, "Activity");
    Integer attempt = attemptByStartedEvent.get(startedEventId);
    return new TimelineEntry(
        at,
        "activity",
        name + " " + outcome,
        joined(attempt == null ? "" : "attempt " + attempt, detail));
  }
}
