package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderSaga;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.StateChange;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.client.WorkflowClient;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.util.List;

/** The orders' own truth: their workflows, asked through the Temporal client. */
final class Workflows implements AutoCloseable {

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;

  Workflows(String target) {
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(target).build());
    client = WorkflowClient.newInstance(service);
  }

  /** Handed to delivery or cancelled: its workflow has completed and the state stays. */
  static boolean isFinal(OrderState state) {
    return state == OrderState.NotifyingSourceSystem || state == OrderState.Cancelled;
  }

  OrderStatus status(String orderId) {
    return order(orderId).status();
  }

  List<StateChange> history(String orderId) {
    return order(orderId).history();
  }

  WorkflowExecutionStatus execution(String orderId) {
    return client.newUntypedWorkflowStub(OrderSaga.workflowId(orderId)).describe().getStatus();
  }

  private OrderWorkflow order(String orderId) {
    return client.newWorkflowStub(OrderWorkflow.class, OrderSaga.workflowId(orderId));
  }

  @Override
  public void close() {
    service.shutdown();
  }
}
