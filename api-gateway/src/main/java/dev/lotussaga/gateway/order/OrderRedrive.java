package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.gateway.metrics.OrdersRedriven;
import dev.lotussaga.observability.OrderLogContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Gives an order whose workflow is gone a new run under the same workflow id. Gone means Temporal
 * does not know the workflow (lost with an in-memory server or a namespace, or past retention), or
 * its last run closed as terminated, failed or timed out; an unreachable or slow Temporal is no
 * evidence and changes nothing. The new run walks the saga again: each step finds its own effect
 * (they are idempotent per order id), the order still holds its place in every waiting line, its
 * deadlines count from its first waits, and a stored cancel makes it compensate.
 */
@Component
class OrderRedrive {

  private static final Logger log = LoggerFactory.getLogger(OrderRedrive.class);

  private final WorkflowClient workflows;
  private final CustomerOrderRepository orders;
  private final OrderStateLog stateLog;
  private final WorkflowStarter starter;
  private final OrdersRedriven redriven;

  OrderRedrive(
      WorkflowClient workflows,
      CustomerOrderRepository orders,
      OrderStateLog stateLog,
      WorkflowStarter starter,
      OrdersRedriven redriven) {
    this.workflows = workflows;
    this.orders = orders;
    this.stateLog = stateLog;
    this.starter = starter;
    this.redriven = redriven;
  }

  /**
   * Re-drives the order if its workflow is gone.
   *
   * @return why it was re-driven ({@code not_found}, {@code terminated}, {@code failed}, {@code
   *     timed_out}); empty when its workflow runs or ended by itself, was never started yet, or
   *     someone else re-drove it first
   * @throws StatusRuntimeException when Temporal cannot tell (unreachable, deadline passed)
   */
  Optional<String> redriveIfGone(CustomerOrder order) {
    if (!order.workflowStarted()) {
      return Optional.empty(); // not gone: WorkflowStarter starts its first run
    }
    try (OrderLogContext context = OrderLogContext.of(order.orderId())) {
      Optional<String> gone = whyGone(order.orderId());
      if (gone.isEmpty()
          || orders.claimNextRunGeneration(order.orderId(), order.runGeneration()) == 0) {
        return Optional.empty();
      }
      // Read again: the claimed generation, and a cancel stored since the order was read.
      CustomerOrder claimed = orders.findById(order.orderId()).orElseThrow();
      Resumption resumption =
          new Resumption(
              claimed.runGeneration(),
              stateLog.firstWaits(claimed.orderId()),
              claimed.cancelRequested() ? claimed.cancelReason() : null);
      try {
        starter.startRedriven(claimed, resumption);
      } catch (WorkflowExecutionAlreadyStarted someoneElseFirst) {
        return Optional.empty();
      }
      redriven.count(gone.get());
      log.warn(
          "Order re-driven: its workflow was {}, new run generation {}{}",
          gone.get().replace('_', ' '),
          resumption.generation(),
          resumption.cancelled() ? ", to compensate a stored cancel" : "");
      return gone;
    }
  }

  /** Why the order's workflow is gone, or empty when it runs or ended by itself. */
  Optional<String> whyGone(String orderId) {
    WorkflowExecutionStatus status;
    try {
      status =
          workflows
              .getWorkflowServiceStubs()
              .blockingStub()
              .describeWorkflowExecution(
                  DescribeWorkflowExecutionRequest.newBuilder()
                      .setNamespace(workflows.getOptions().getNamespace())
                      .setExecution(
                          WorkflowExecution.newBuilder()
                              .setWorkflowId(OrderWorkflowIds.workflowId(orderId)))
                      .build())
              .getWorkflowExecutionInfo()
              .getStatus();
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.of("not_found");
      }
      throw e;
    }
    return switch (status) {
      case WORKFLOW_EXECUTION_STATUS_TERMINATED -> Optional.of("terminated");
      case WORKFLOW_EXECUTION_STATUS_FAILED -> Optional.of("failed");
      case WORKFLOW_EXECUTION_STATUS_TIMED_OUT -> Optional.of("timed_out");
      default -> Optional.empty();
    };
  }
}
