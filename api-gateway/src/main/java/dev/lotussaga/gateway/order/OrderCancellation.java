package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderSaga;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.gateway.system.ApiException;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks an order's workflow to cancel itself (the {@code cancel} update) and tells apart: accepted
 * (202, compensation runs on), cancelled before (200, nothing runs twice), too late (409).
 */
@Component
class OrderCancellation {

  private final WorkflowClient workflows;
  private final OrderReader reader;

  OrderCancellation(WorkflowClient workflows, OrderReader reader) {
    this.workflows = workflows;
    this.reader = reader;
  }

  record Outcome(OrderView order, boolean accepted) {}

  Outcome cancel(CustomerOrder order, String reason) {
    OrderView before = reader.read(order);
    if (before.status() == OrderState.Cancelled) {
      return new Outcome(before, false);
    }
    refuseIfHandedToDelivery(before);
    try {
      workflows
          .newWorkflowStub(OrderWorkflow.class, OrderSaga.workflowId(order.orderId()))
          .cancel(reason);
    } catch (WorkflowException | StatusRuntimeException failed) {
      // Rejected (handed to delivery meanwhile), finished, or unreachable: the order tells which.
      OrderView after = reader.read(order);
      if (after.status() == OrderState.Cancelled) {
        return new Outcome(after, false);
      }
      if (isAlreadyInDelivery(failed)) {
        throw handedToDelivery();
      }
      refuseIfHandedToDelivery(after);
      if (failed instanceof WorkflowNotFoundException) {
        throw new ApiException(
            HttpStatus.CONFLICT,
            "Order "
                + order.orderId()
                + " no longer runs (its workflow is gone) and cannot be cancelled");
      }
      throw unavailable();
    }
    return new Outcome(reader.read(order), true);
  }

  private static void refuseIfHandedToDelivery(OrderView order) {
    if (order.status() == OrderState.NotifyingSourceSystem) {
      throw handedToDelivery();
    }
  }

  private static boolean isAlreadyInDelivery(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure
          && OrderSaga.ALREADY_IN_DELIVERY.equals(failure.getType())) {
        return true;
      }
    }
    return false;
  }

  private static ApiException handedToDelivery() {
    return new ApiException(
        HttpStatus.CONFLICT,
        "The order is already handed to delivery and can no longer be cancelled");
  }

  private static ApiException unavailable() {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE, "The order could not be reached; please retry");
  }
}
