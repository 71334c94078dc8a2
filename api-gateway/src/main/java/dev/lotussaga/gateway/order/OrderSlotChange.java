package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.gateway.system.ApiException;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The buyer chooses another delivery slot for an order whose courier is not booked yet (the {@code
 * chooseSlot} update). The slot is stored first, so that a re-driven run books it too, and so does
 * a workflow that could not be started yet; it is put back when the workflow refuses it.
 */
@Component
class OrderSlotChange {

  private final WorkflowClient workflows;
  private final CustomerOrderRepository orders;
  private final OrderReader reader;

  OrderSlotChange(WorkflowClient workflows, CustomerOrderRepository orders, OrderReader reader) {
    this.workflows = workflows;
    this.orders = orders;
    this.reader = reader;
  }

  OrderView choose(CustomerOrder order, Instant slot) {
    refuseIfOver(reader.read(order));
    orders.storeDeliverySlot(order.orderId(), slot);
    try {
      workflows
          .newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.workflowId(order.orderId()))
          .chooseSlot(slot);
    } catch (WorkflowException | StatusRuntimeException failed) {
      CustomerOrder now = orders.findById(order.orderId()).orElseThrow();
      if (failed instanceof WorkflowNotFoundException && !now.workflowStarted()) {
        // Temporal was away when the order was placed: its workflow starts with the stored slot.
        return reader.read(now);
      }
      orders.storeDeliverySlot(order.orderId(), order.deliverySlot());
      String refusal = refusal(failed);
      if (refusal != null) {
        throw new ApiException(HttpStatus.CONFLICT, refusal);
      }
      if (failed instanceof WorkflowNotFoundException) {
        refuseIfOver(reader.read(order));
      }
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "The order could not be reached; the slot is unchanged");
    }
    return reader.read(orders.findById(order.orderId()).orElseThrow());
  }

  private static void refuseIfOver(OrderView order) {
    if (order.status() == OrderState.Cancelled) {
      throw new ApiException(HttpStatus.CONFLICT, "The order is cancelled");
    }
    if (order.status() == OrderState.NotifyingSourceSystem) {
      throw new ApiException(
          HttpStatus.CONFLICT, "The courier is booked already; the slot can no longer change");
    }
  }

  private static String refusal(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure
          && FailureTypes.SLOT_NOT_CHANGEABLE.equals(failure.getType())) {
        return failure.getOriginalMessage();
      }
    }
    return null;
  }
}
