package dev.lotussaga.gateway.timeline;

import static dev.lotussaga.gateway.timeline.EventText.joined;
import static dev.lotussaga.gateway.timeline.EventText.message;
import static dev.lotussaga.gateway.timeline.EventText.readable;

import com.google.protobuf.Timestamp;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.common.converter.DataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a workflow's history into timeline entries: what a person follows (the start, activities
 * and their attempts, local activities, signals, updates, timers, the end), not the workflow tasks
 * in between.
 */
final class HistoryEntries {

  private final EventText text;

  HistoryEntries(DataConverter converter) {
    this.text = new EventText(converter);
  }

  List<TimelineEntry> of(History history) {
    Reading reading = new Reading();
    List<TimelineEntry> entries = new ArrayList<>();
    for (HistoryEvent event : history.getEventsList()) {
      reading.entry(event).ifPresent(entries::add);
    }
    return entries;
  }

  /** The run the history belongs to, as its first event tells. */
  static Optional<String> runId(History history) {
    if (history.getEventsCount() == 0
        || !history.getEvents(0).hasWorkflowExecutionStartedEventAttributes()) {
      return Optional.empty();
    }
    String runId =
        history
            .getEvents(0)
            .getWorkflowExecutionStartedEventAttributes()
            .getOriginalExecutionRunId();
    return runId.isEmpty() ? Optional.empty() : Optional.of(runId);
  }

  /** One pass over a history; later events name what earlier ones started by id. */
  private final class Reading {

    private final ActivityEntries activities = new ActivityEntries(text);
    private final Map<String, String> updateNameById = new HashMap<>();
    private final Map<String, Duration> timerById = new HashMap<>();

    Optional<TimelineEntry> entry(HistoryEvent event) {
      Instant at = instant(event.getEventTime());
      return switch (event.getEventType()) {
        case EVENT_TYPE_ACTIVITY_TASK_SCHEDULED -> Optional.of(activities.scheduled(at, event));
        case EVENT_TYPE_ACTIVITY_TASK_STARTED -> {
          activities.started(event);
          yield Optional.empty();
        }
        case EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
            EVENT_TYPE_ACTIVITY_TASK_FAILED,
            EVENT_TYPE_ACTIVITY_TASK_TIMED_OUT,
            EVENT_TYPE_ACTIVITY_TASK_CANCEL_REQUESTED,
            EVENT_TYPE_ACTIVITY_TASK_CANCELED ->
            Optional.of(activities.ended(at, event));
        case EVENT_TYPE_MARKER_RECORDED ->
            activities.local(at, event.getMarkerRecordedEventAttributes());
        case EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED -> Optional.of(signal(at, event));
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED ->
            Optional.of(updateAccepted(at, event));
        case EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED ->
            Optional.of(updateCompleted(at, event));
        case EVENT_TYPE_TIMER_STARTED, EVENT_TYPE_TIMER_FIRED, EVENT_TYPE_TIMER_CANCELED ->
            Optional.of(timer(at, event));
        default -> Optional.ofNullable(workflow(at, event));
      };
    }

    /** The workflow's own events: its start, end, and what went wrong in between. */
    private TimelineEntry workflow(Instant at, HistoryEvent event) {
      return switch (event.getEventType()) {
        case EVENT_TYPE_WORKFLOW_EXECUTION_STARTED -> {
          var started = event.getWorkflowExecutionStartedEventAttributes();
          yield workflow(
              at,
              "started",
              joined(
                  started.getWorkflowType().getName()
                      + " on task queue "
                      + started.getTaskQueue().getName(),
                  text.text(started.getInput())));
        }
        case EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED ->
            workflow(
                at,
                "completed",
                text.text(event.getWorkflowExecutionCompletedEventAttributes().getResult()));
        case EVENT_TYPE_WORKFLOW_EXECUTION_FAILED ->
            workflow(
                at,
                "failed",
                message(event.getWorkflowExecutionFailedEventAttributes().getFailure()));
        case EVENT_TYPE_WORKFLOW_EXECUTION_CANCELED -> workflow(at, "cancelled", "");
        case EVENT_TYPE_WORKFLOW_EXECUTION_TERMINATED ->
            workflow(
                at,
                "terminated",
                event.getWorkflowExecutionTerminatedEventAttributes().getReason());
        case EVENT_TYPE_WORKFLOW_EXECUTION_TIMED_OUT -> workflow(at, "timed out", "");
        case EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW -> workflow(at, "continued as new", "");
        case EVENT_TYPE_WORKFLOW_EXECUTION_CANCEL_REQUESTED ->
            new TimelineEntry(
                at,
                "workflow",
                "Cancellation requested",
                event.getWorkflowExecutionCancelRequestedEventAttributes().getCause());
        case EVENT_TYPE_WORKFLOW_TASK_FAILED -> {
          var failed = event.getWorkflowTaskFailedEventAttributes();
          yield new TimelineEntry(
              at,
              "workflow",
              "Workflow task failed",
              joined(failed.getCause().name(), message(failed.getFailure())));
        }
        default -> null;
      };
    }

    private TimelineEntry signal(Instant at, HistoryEvent event) {
      var signal = event.getWorkflowExecutionSignaledEventAttributes();
      return new TimelineEntry(
          at,
          "signal",
          "Signal " + signal.getSignalName() + " received",
          joined(
              text.text(signal.getInput()),
              signal.getIdentity().isEmpty() ? "" : "sent by " + signal.getIdentity()));
    }

    private TimelineEntry updateAccepted(Instant at, HistoryEvent event) {
      var request = event.getWorkflowExecutionUpdateAcceptedEventAttributes().getAcceptedRequest();
      String name = request.getInput().getName();
      updateNameById.put(request.getMeta().getUpdateId(), name);
      return new TimelineEntry(
          at, "update", "Update " + name + " accepted", text.text(request.getInput().getArgs()));
    }

    private TimelineEntry updateCompleted(Instant at, HistoryEvent event) {
      var completed = event.getWorkflowExecutionUpdateCompletedEventAttributes();
      String name = updateNameById.getOrDefault(completed.getMeta().getUpdateId(), "(unnamed)");
      return completed.getOutcome().hasFailure()
          ? new TimelineEntry(
              at,
              "update",
              "Update " + name + " failed",
              message(completed.getOutcome().getFailure()))
          : new TimelineEntry(
              at,
              "update",
              "Update " + name + " completed",
              text.text(completed.getOutcome().getSuccess()));
    }

    private TimelineEntry timer(Instant at, HistoryEvent event) {
      return switch (event.getEventType()) {
        case EVENT_TYPE_TIMER_STARTED -> {
          var timer = event.getTimerStartedEventAttributes();
          var timeout = timer.getStartToFireTimeout();
          Duration after = Duration.ofSeconds(timeout.getSeconds(), timeout.getNanos());
          timerById.put(timer.getTimerId(), after);
          yield new TimelineEntry(at, "timer", "Timer started", "fires after " + readable(after));
        }
        case EVENT_TYPE_TIMER_FIRED ->
            new TimelineEntry(
                at,
                "timer",
                "Timer fired",
                setFor(event.getTimerFiredEventAttributes().getTimerId()));
        default ->
            new TimelineEntry(
                at,
                "timer",
                "Timer cancelled",
                setFor(event.getTimerCanceledEventAttributes().getTimerId()));
      };
    }

    private String setFor(String timerId) {
      Duration after = timerById.get(timerId);
      return after == null ? "" : "set for " + readable(after);
    }

    private static TimelineEntry workflow(Instant at, String what, String detail) {
      return new TimelineEntry(at, "workflow", "Workflow " + what, detail);
    }
  }

  private static Instant instant(Timestamp time) {
    return Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
  }
}
