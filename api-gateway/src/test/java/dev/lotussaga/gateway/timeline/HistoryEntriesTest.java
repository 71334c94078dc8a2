package dev.lotussaga.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.google.protobuf.ByteString;
import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.temporal.api.common.v1.ActivityType;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.failure.v1.ApplicationFailureInfo;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.ActivityTaskCompletedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskFailedEventAttributes;
import io.temporal.api.history.v1.ActivityTaskScheduledEventAttributes;
import io.temporal.api.history.v1.ActivityTaskStartedEventAttributes;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.history.v1.MarkerRecordedEventAttributes;
import io.temporal.api.history.v1.TimerCanceledEventAttributes;
import io.temporal.api.history.v1.TimerStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionCompletedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionSignaledEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionStartedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionUpdateAcceptedEventAttributes;
import io.temporal.api.history.v1.WorkflowExecutionUpdateCompletedEventAttributes;
import io.temporal.api.history.v1.WorkflowTaskScheduledEventAttributes;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.update.v1.Input;
import io.temporal.api.update.v1.Meta;
import io.temporal.api.update.v1.Outcome;
import io.temporal.api.update.v1.Request;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A hand-built history of an order that waited for funds, then was cancelled by its owner. */
class HistoryEntriesTest {

  private static final DataConverter JSON = DefaultDataConverter.STANDARD_INSTANCE;
  private static final Instant START = Instant.parse("2026-11-25T17:13:15Z");

  private final List<HistoryEvent> events = new ArrayList<>();
  private final HistoryEntries entries = new HistoryEntries(JSON);

  @Test
  void showsWhatAPersonFollowsAndLeavesOutWorkflowTasksAndVersionMarkers() {
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
        e ->
            e.setWorkflowExecutionStartedEventAttributes(
                WorkflowExecutionStartedEventAttributes.newBuilder()
                    .setWorkflowType(WorkflowType.newBuilder().setName("OrderWorkflow"))
                    .setTaskQueue(TaskQueue.newBuilder().setName("order-saga"))
                    .setInput(payloads(Map.of("orderId", "o-1")))
                    .setOriginalExecutionRunId("run-1")));
    add(
        EventType.EVENT_TYPE_WORKFLOW_TASK_SCHEDULED,
        e ->
            e.setWorkflowTaskScheduledEventAttributes(
                WorkflowTaskScheduledEventAttributes.getDefaultInstance()));
    add(EventType.EVENT_TYPE_MARKER_RECORDED, e -> e.setMarkerRecordedEventAttributes(version()));
    long charge =
        add(
            EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
            e -> e.setActivityTaskScheduledEventAttributes(scheduled("ChargeOrder", "billing")));
    long chargeStarted =
        add(
            EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
            e ->
                e.setActivityTaskStartedEventAttributes(
                    ActivityTaskStartedEventAttributes.newBuilder()
                        .setScheduledEventId(charge)
                        .setAttempt(2)));
    add(
        EventType.EVENT_TYPE_ACTIVITY_TASK_COMPLETED,
        e ->
            e.setActivityTaskCompletedEventAttributes(
                ActivityTaskCompletedEventAttributes.newBuilder()
                    .setScheduledEventId(charge)
                    .setStartedEventId(chargeStarted)
                    .setResult(payloads("INSUFFICIENT_FUNDS"))));
    add(
        EventType.EVENT_TYPE_MARKER_RECORDED,
        e -> e.setMarkerRecordedEventAttributes(localActivity(payloads("PublishOrderEvent"))));
    add(
        EventType.EVENT_TYPE_MARKER_RECORDED,
        e -> e.setMarkerRecordedEventAttributes(localActivity(encrypted())));
    add(
        EventType.EVENT_TYPE_TIMER_STARTED,
        e ->
            e.setTimerStartedEventAttributes(
                TimerStartedEventAttributes.newBuilder()
                    .setTimerId("t-1")
                    .setStartToFireTimeout(Duration.newBuilder().setSeconds(86_400))));
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
        e ->
            e.setWorkflowExecutionSignaledEventAttributes(
                WorkflowExecutionSignaledEventAttributes.newBuilder()
                    .setSignalName("fundsAdded")
                    .setIdentity("billing-outbox")));
    long reserve =
        add(
            EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED,
            e -> e.setActivityTaskScheduledEventAttributes(scheduled("ReserveStock", "stock")));
    long reserveStarted =
        add(
            EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED,
            e ->
                e.setActivityTaskStartedEventAttributes(
                    ActivityTaskStartedEventAttributes.newBuilder()
                        .setScheduledEventId(reserve)
                        .setAttempt(3)));
    add(
        EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED,
        e ->
            e.setActivityTaskFailedEventAttributes(
                ActivityTaskFailedEventAttributes.newBuilder()
                    .setScheduledEventId(reserve)
                    .setStartedEventId(reserveStarted)
                    .setFailure(
                        Failure.newBuilder()
                            .setMessage("Activity task failed")
                            .setCause(
                                Failure.newBuilder()
                                    .setMessage("stock service down")
                                    .setApplicationFailureInfo(
                                        ApplicationFailureInfo.getDefaultInstance())))));
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
        e ->
            e.setWorkflowExecutionUpdateAcceptedEventAttributes(
                WorkflowExecutionUpdateAcceptedEventAttributes.newBuilder()
                    .setAcceptedRequest(
                        Request.newBuilder()
                            .setMeta(Meta.newBuilder().setUpdateId("u-1"))
                            .setInput(
                                Input.newBuilder()
                                    .setName("cancel")
                                    .setArgs(payloads("found it cheaper"))))));
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
        e ->
            e.setWorkflowExecutionUpdateCompletedEventAttributes(
                WorkflowExecutionUpdateCompletedEventAttributes.newBuilder()
                    .setMeta(Meta.newBuilder().setUpdateId("u-1"))
                    .setOutcome(
                        Outcome.newBuilder()
                            .setSuccess(payloads(Map.of("state", "ValidatingStock"))))));
    add(
        EventType.EVENT_TYPE_TIMER_CANCELED,
        e ->
            e.setTimerCanceledEventAttributes(
                TimerCanceledEventAttributes.newBuilder().setTimerId("t-1")));
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_COMPLETED,
        e ->
            e.setWorkflowExecutionCompletedEventAttributes(
                WorkflowExecutionCompletedEventAttributes.newBuilder()
                    .setResult(payloads(Map.of("state", "Cancelled")))));

    History history = History.newBuilder().addAllEvents(events).build();

    assertThat(entries.of(history))
        .extracting(TimelineEntry::kind, TimelineEntry::title, TimelineEntry::detail)
        .containsExactly(
            tuple(
                "workflow",
                "Workflow started",
                "OrderWorkflow on task queue order-saga; orderId: o-1"),
            tuple("activity", "ChargeOrder scheduled", "task queue billing; orderId: o-1"),
            tuple("activity", "ChargeOrder completed", "attempt 2; INSUFFICIENT_FUNDS"),
            tuple(
                "local-activity",
                "PublishOrderEvent completed",
                "attempt 1; state: ValidatingBilling, waitingFor: FUNDS, message: Not enough money"),
            tuple("timer", "Timer started", "fires after 1d"),
            tuple("signal", "Signal fundsAdded received", "sent by billing-outbox"),
            tuple("activity", "ReserveStock scheduled", "task queue stock; orderId: o-1"),
            tuple(
                "activity",
                "ReserveStock failed",
                "attempt 3; Activity task failed: stock service down"),
            tuple("update", "Update cancel accepted", "found it cheaper"),
            tuple("update", "Update cancel completed", "state: ValidatingStock"),
            tuple("timer", "Timer cancelled", "set for 1d"),
            tuple("workflow", "Workflow completed", "state: Cancelled"));
    assertThat(HistoryEntries.runId(history)).contains("run-1");
  }

  @Test
  void eachEntryHasTheTimeOfItsEvent() {
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_STARTED,
        e ->
            e.setWorkflowExecutionStartedEventAttributes(
                WorkflowExecutionStartedEventAttributes.getDefaultInstance()));
    add(
        EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED,
        e ->
            e.setWorkflowExecutionSignaledEventAttributes(
                WorkflowExecutionSignaledEventAttributes.newBuilder().setSignalName("stockAdded")));

    List<TimelineEntry> timeline = entries.of(History.newBuilder().addAllEvents(events).build());

    assertThat(timeline)
        .extracting(TimelineEntry::at)
        .containsExactly(START.plusMillis(1), START.plusMillis(2));
    assertThat(timeline.get(1).detail()).isEmpty();
  }

  @Test
  void anEmptyHistoryHasNoEntriesAndNoRun() {
    assertThat(entries.of(History.getDefaultInstance())).isEmpty();
    assertThat(HistoryEntries.runId(History.getDefaultInstance())).isEmpty();
  }

  @Test
  void durationsReadAsTheReadmeWritesThem() {
    assertThat(EventText.readable(java.time.Duration.ofDays(7))).isEqualTo("7d");
    assertThat(EventText.readable(java.time.Duration.ofHours(48))).isEqualTo("2d");
    assertThat(EventText.readable(java.time.Duration.ofHours(5))).isEqualTo("5h");
    assertThat(EventText.readable(java.time.Duration.ofMinutes(15))).isEqualTo("15m");
    assertThat(EventText.readable(java.time.Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(EventText.readable(java.time.Duration.ofMillis(1500))).isEqualTo("1500ms");
  }

  private long add(EventType type, java.util.function.Consumer<HistoryEvent.Builder> attributes) {
    long id = events.size() + 1;
    HistoryEvent.Builder event =
        HistoryEvent.newBuilder()
            .setEventId(id)
            .setEventType(type)
            .setEventTime(
                Timestamp.newBuilder()
                    .setSeconds(START.getEpochSecond())
                    .setNanos((int) id * 1_000_000));
    attributes.accept(event);
    events.add(event.build());
    return id;
  }

  private static ActivityTaskScheduledEventAttributes.Builder scheduled(
      String type, String taskQueue) {
    return ActivityTaskScheduledEventAttributes.newBuilder()
        .setActivityType(ActivityType.newBuilder().setName(type))
        .setTaskQueue(TaskQueue.newBuilder().setName(taskQueue))
        .setInput(payloads(Map.of("orderId", "o-1")));
  }

  private static MarkerRecordedEventAttributes.Builder version() {
    return MarkerRecordedEventAttributes.newBuilder()
        .setMarkerName("Version")
        .putDetails("changeId", payloads("wait-deadlines"))
        .putDetails("version", payloads(1));
  }

  /** As the Java SDK records a local activity: type, input and attempt in the details. */
  private static MarkerRecordedEventAttributes.Builder localActivity(Payloads type) {
    Map<String, Object> meta = new LinkedHashMap<>();
    meta.put("firstSkd", 1L);
    meta.put("atpt", 1);
    return MarkerRecordedEventAttributes.newBuilder()
        .setMarkerName("LocalActivity")
        .putDetails("type", type)
        .putDetails("meta", payloads(meta))
        .putDetails("input", payloads(orderEvent()));
  }

  private static Map<String, Object> orderEvent() {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("state", "ValidatingBilling");
    event.put("waitingFor", "FUNDS");
    event.put("notification", null);
    event.put("message", "Not enough money");
    return event;
  }

  /** A payload a codec encrypted: the gateway cannot read it, so the marker is left out. */
  private static Payloads encrypted() {
    return Payloads.newBuilder()
        .addPayloads(
            Payload.newBuilder()
                .putMetadata("encoding", ByteString.copyFromUtf8("binary/encrypted"))
                .setData(ByteString.copyFromUtf8("\u0001\u0002")))
        .build();
  }

  private static Payloads payloads(Object value) {
    return JSON.toPayloads(value).orElseThrow();
  }
}
