package dev.lotussaga.faults;

import dev.lotussaga.codec.PayloadEncryption;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StateChange;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;
import java.util.Optional;

/**
 * The orders' own truth: their workflows, asked through the Temporal client. Each call reaches the
 * order's latest run, so a re-driven order answers from its newest generation.
 */
final class Workflows implements AutoCloseable {

  static final WorkflowExecutionStatus RUNNING =
      WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING;
  static final WorkflowExecutionStatus COMPLETED =
      WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED;

  /**
   * An order's latest run as seen now; {@code execution} is empty when Temporal has no workflow for
   * it (lost with the in-memory server), and then status and history are {@code null}.
   */
  record OrderRun(
      Optional<WorkflowExecutionStatus> execution, OrderStatus status, List<StateChange> history) {

    boolean gone() {
      return execution.isEmpty();
    }

    boolean is(WorkflowExecutionStatus expected) {
      return execution.filter(expected::equals).isPresent();
    }
  }

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  Workflows(String target) {
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    // Reads the orders' results and queries as the services wrote them: encrypted.
    client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setDataConverter(PayloadEncryption.fromEnvironment().dataConverter())
                .build());
  }

  /** Handed to delivery or cancelled: its workflow has completed and the state stays. */
  static boolean isFinal(OrderState state) {
    return state == OrderState.NotifyingSourceSystem || state == OrderState.Cancelled;
  }

  OrderStatus status(String orderId) {
    return order(orderId).status();
  }

  /**
   * How the latest run stands, and how many of its activities are running or waiting for their next
   * attempt: a step retried after a fault leaves the order's status as it was (still waiting for
   * funds, say) until it succeeds.
   */
  record Execution(WorkflowExecutionStatus status, int pendingActivities) {}

  /** How the latest run stands; empty when Temporal knows no workflow for the order. */
  Optional<WorkflowExecutionStatus> execution(String orderId) {
    return describe(orderId).map(Execution::status);
  }

  /** Empty when Temporal knows no workflow for the order. */
  Optional<Execution> describe(String orderId) {
    try {
      WorkflowExecutionDescription description =
          client.newUntypedWorkflowStub(OrderWorkflowIds.workflowId(orderId)).describe();
      return Optional.of(
          new Execution(
              description.getStatus(),
              description.getRawDescription().getPendingActivitiesCount()));
    } catch (WorkflowNotFoundException gone) {
      return Optional.empty();
    }
  }

  /** A closed run answers its queries too (its worker replays it), so gone is the only blank. */
  OrderRun run(String orderId) {
    Optional<WorkflowExecutionStatus> execution = execution(orderId);
    if (execution.isEmpty()) {
      return new OrderRun(execution, null, null);
    }
    OrderWorkflow order = order(orderId);
    return new OrderRun(execution, order.status(), order.history());
  }

  /** Terminates the order's running workflow; false when it closed or vanished meanwhile. */
  boolean terminate(String orderId, String reason) {
    try {
      client.newUntypedWorkflowStub(OrderWorkflowIds.workflowId(orderId)).terminate(reason);
      return true;
    } catch (WorkflowException refused) {
      // how a server refuses to terminate a closed run differs; only a running one is a failure
      if (execution(orderId).filter(RUNNING::equals).isPresent()) {
        throw refused;
      }
      return false;
    }
  }

  private OrderWorkflow order(String orderId) {
    return client.newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.workflowId(orderId));
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
