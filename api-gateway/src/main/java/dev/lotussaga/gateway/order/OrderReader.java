package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StateChange;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Reads an order through its workflow's queries, or from the gateway's copy when it cannot. */
@Component
class OrderReader {

  private static final Logger log = LoggerFactory.getLogger(OrderReader.class);

  private final WorkflowClient workflows;
  private final OrderStateLog stateLog;

  OrderReader(WorkflowClient workflows, OrderStateLog stateLog) {
    this.workflows = workflows;
    this.stateLog = stateLog;
  }

  OrderView read(CustomerOrder order) {
    if (order.workflowStarted()) {
      try {
        OrderWorkflow workflow =
            workflows.newWorkflowStub(
                OrderWorkflow.class, OrderWorkflowIds.workflowId(order.orderId()));
        // The history ends with the current status: one query, and status and history agree.
        List<StateChange> history = workflow.history();
        return OrderView.of(order, history.get(history.size() - 1).status(), history, "workflow");
      } catch (WorkflowException | StatusRuntimeException e) {
        log.info("Order {} answered from the stored state: {}", order.orderId(), e.toString());
      }
    }
    return OrderView.of(order, order.lastKnownStatus(), stateLog.of(order), "stored");
  }
}
