package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.gateway.system.ApiException;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * Asks an order's workflow to cancel itself (the {@code cancel} update) and tells apart: accepted
 * (202, compensation runs on), cancelled before (200, nothing runs twice), too late (409).
 *
 * <p>The cancel is stored before it is sent, so an accepted cancel is never lost: an order whose
 * workflow is gone is re-driven with it, one whose workflow never started starts with it (both only
 * compensate), and {@link StrandedOrderSweep} sends it again if the gateway died before it was
 * sent.
 */
@Component
class OrderCancellation {

  private static final Logger log = LoggerFactory.getLogger(OrderCancellation.class);

  private final WorkflowClient workflows;
  private final OrderReader reader;
  private final CustomerOrderRepository orders;
  private final OrderRedrive redrive;
  private final WorkflowStarter starter;

  OrderCancellation(
      WorkflowClient workflows,
      OrderReader reader,
      CustomerOrderRepository orders,
      OrderRedrive redrive,
      WorkflowStarter starter) {
    this.workflows = workflows;
    this.reader = reader;
    this.orders = orders;
    this.redrive = redrive;
    this.starter = starter;
  }

  record Outcome(OrderView order, boolean accepted) {}

  Outcome cancel(CustomerOrder order, String reason) {
    OrderView before = reader.read(order);
    if (before.status() == OrderState.Cancelled) {
      return new Outcome(before, false);
    }
    refuseIfHandedToDelivery(before);
    orders.storeCancel(order.orderId(), reason, Instant.now());
    try {
      send(order, reason);
    } catch (WorkflowException | StatusRuntimeException failed) {
      // Rejected (handed to delivery meanwhile), finished, gone, or unreachable: tell which.
      OrderView after = reader.read(order);
      if (after.status() == OrderState.Cancelled) {
        return new Outcome(after, false);
      }
      if (isAlreadyInDelivery(failed) || after.status() == OrderState.NotifyingSourceSystem) {
        orders.forgetCancel(order.orderId());
        throw handedToDelivery();
      }
      if (!startOrRedriveWithTheCancel(order, reason)) {
        throw unavailable();
      }
    }
    return new Outcome(reader.read(order), true);
  }

  /**
   * Sends a stored cancel again to the order's running workflow (the update is idempotent); forgets
   * it when the order was handed to delivery first.
   */
  void resendStoredCancel(CustomerOrder order) {
    try {
      send(order, order.cancelReason());
    } catch (WorkflowException | StatusRuntimeException failed) {
      if (isAlreadyInDelivery(failed)) {
        orders.forgetCancel(order.orderId());
        log.info("Order {}: the stored cancel came too late, forgotten", order.orderId());
      } else {
        throw failed;
      }
    }
  }

  /**
   * No workflow took the cancel. One that never started (Temporal was down when the order was
   * placed) is started now, its first run carrying the stored cancel; one that is gone is re-driven
   * with it. Then the cancel is sent once more: whoever started or re-drove the order a moment
   * earlier, without the cancel, gets it now (or refuses it: handed to delivery).
   */
  private boolean startOrRedriveWithTheCancel(CustomerOrder order, String reason) {
    try {
      CustomerOrder current = orders.findById(order.orderId()).orElseThrow();
      if (!current.workflowStarted()) {
        starter.start(current);
      } else if (redrive.redriveIfGone(current).isPresent()) {
        return true;
      }
      send(order, reason);
      return true;
    } catch (WorkflowException | StatusRuntimeException stillFailing) {
      if (isAlreadyInDelivery(stillFailing)) {
        orders.forgetCancel(order.orderId());
        throw handedToDelivery();
      }
      log.info("Order {}: cancel not delivered yet: {}", order.orderId(), stillFailing.toString());
      return false;
    }
  }

  private void send(CustomerOrder order, String reason) {
    workflows
        .newWorkflowStub(OrderWorkflow.class, OrderWorkflowIds.workflowId(order.orderId()))
        .cancel(reason);
  }

  private static void refuseIfHandedToDelivery(OrderView order) {
    if (order.status() == OrderState.NotifyingSourceSystem) {
      throw handedToDelivery();
    }
  }

  private static boolean isAlreadyInDelivery(RuntimeException e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof ApplicationFailure failure
          && FailureTypes.ALREADY_IN_DELIVERY.equals(failure.getType())) {
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
        HttpStatus.SERVICE_UNAVAILABLE,
        "The cancel is stored but the order could not be reached yet; it will be sent, or retry");
  }
}
