package dev.lotussaga.bench;

import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What Temporal keeps and dispatches for one order, read from the histories of the last orders a
 * side finished: events, workflow tasks, activity tasks and the history's size.
 */
final class TemporalWork {

  static final String EVENTS = "Temporal history events";
  static final String WORKFLOW_TASKS = "Temporal workflow tasks";
  static final String ACTIVITY_TASKS = "Temporal activity tasks";
  static final String HISTORY_BYTES = "Temporal history (bytes)";

  /** The workflow ids of the last orders a side finished, at most {@code capacity}. */
  static final class LastFinished {

    private final int capacity;
    private final Deque<String> workflowIds = new ArrayDeque<>();

    LastFinished(int capacity) {
      this.capacity = capacity;
    }

    synchronized void add(String workflowId) {
      workflowIds.addLast(workflowId);
      if (workflowIds.size() > capacity) {
        workflowIds.removeFirst();
      }
    }

    synchronized List<String> workflowIds() {
      return List.copyOf(workflowIds);
    }
  }

  private TemporalWork() {}

  /** The mean of each figure over the histories; empty when there are none. */
  static Map<String, Double> perOrder(WorkflowClient client, List<String> workflowIds) {
    Map<String, Double> sum = new LinkedHashMap<>();
    for (String workflowId : workflowIds) {
      WorkflowExecutionHistory history = client.fetchHistory(workflowId);
      List<HistoryEvent> events = history.getEvents();
      sum.merge(EVENTS, (double) events.size(), Double::sum);
      sum.merge(
          WORKFLOW_TASKS, count(events, EventType.EVENT_TYPE_WORKFLOW_TASK_STARTED), Double::sum);
      sum.merge(
          ACTIVITY_TASKS, count(events, EventType.EVENT_TYPE_ACTIVITY_TASK_STARTED), Double::sum);
      sum.merge(HISTORY_BYTES, (double) history.getHistory().getSerializedSize(), Double::sum);
    }
    Map<String, Double> mean = new LinkedHashMap<>();
    sum.forEach((name, total) -> mean.put(name, total / workflowIds.size()));
    return mean;
  }

  private static double count(List<HistoryEvent> events, EventType type) {
    return events.stream().filter(event -> event.getEventType() == type).count();
  }
}
