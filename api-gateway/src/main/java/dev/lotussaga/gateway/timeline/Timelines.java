package dev.lotussaga.gateway.timeline;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.security.CurrentUser;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.common.WorkflowExecutionHistory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Reads an order's timeline from its workflow's history, with the order's states from the
 * workflow's {@code history} query; from the state changes the gateway stored when Temporal cannot
 * give the history (the workflow is gone, or Temporal is unreachable).
 */
@Component
class Timelines {

  private static final Logger log = LoggerFactory.getLogger(Timelines.class);

  private final WorkflowClient workflows;
  private final Orders orders;
  private final HistoryEntries historyEntries;

  Timelines(WorkflowClient workflows, Orders orders) {
    this.workflows = workflows;
    this.orders = orders;
    this.historyEntries = new HistoryEntries(workflows.getOptions().getDataConverter());
  }

  /** 404 for an order the caller may not see, exactly as {@code GET /order/{orderId}}. */
  Timeline of(CurrentUser caller, String requestedId) {
    String orderId = orders.visibleId(caller, requestedId);
    String workflowId = OrderWorkflowIds.workflowId(orderId);
    WorkflowExecutionHistory history;
    try {
      history = workflows.fetchHistory(workflowId);
    } catch (WorkflowException | StatusRuntimeException unavailable) {
      log.info("Timeline of order {} from the stored states: {}", orderId, unavailable.toString());
      return new Timeline(
          orderId,
          workflowId,
          null,
          command(workflowId),
          Timeline.STORED_STATES,
          TimelineEntry.of(orders.storedStateChanges(caller, orderId)));
    }
    List<TimelineEntry> entries = new ArrayList<>(historyEntries.of(history.getHistory()));
    entries.addAll(TimelineEntry.of(states(caller, orderId, workflowId)));
    // Stable: a state change and the events of the same instant keep the history's order first.
    entries.sort(Comparator.comparing(TimelineEntry::at));
    return new Timeline(
        orderId,
        workflowId,
        HistoryEntries.runId(history.getHistory()).orElse(null),
        command(workflowId),
        Timeline.WORKFLOW_HISTORY,
        entries);
  }

  private List<StateChange> states(CurrentUser caller, String orderId, String workflowId) {
    try {
      return workflows.newWorkflowStub(OrderWorkflow.class, workflowId).history();
    } catch (WorkflowException | StatusRuntimeException unanswered) {
      log.info("States of order {} from the stored states: {}", orderId, unanswered.toString());
      return orders.storedStateChanges(caller, orderId);
    }
  }

  /** What to type to see the same workflow in full with the temporal CLI. */
  private String command(String workflowId) {
    String command =
        "temporal workflow show --workflow-id "
            + workflowId
            + " --namespace "
            + workflows.getOptions().getNamespace();
    String target = workflows.getWorkflowServiceStubs().getOptions().getTarget();
    return target == null || target.isBlank() ? command : command + " --address " + target;
  }
}
