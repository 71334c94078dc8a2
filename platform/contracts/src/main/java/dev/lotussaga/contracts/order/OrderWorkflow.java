package dev.lotussaga.contracts.order;

import io.temporal.workflow.QueryMethod;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.UpdateMethod;
import io.temporal.workflow.UpdateValidatorMethod;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Instant;
import java.util.List;

/**
 * The order saga: charge, reserve stock, book a courier; waits on signals when a step cannot go on.
 * Its task queue and the names of its signals, updates and queries are the constants below: the
 * services signal by name, without a stub.
 */
@WorkflowInterface
public interface OrderWorkflow {

  String TASK_QUEUE = "order-saga";

  String SIGNAL_FUNDS_ADDED = "fundsAdded";
  String SIGNAL_STOCK_ADDED = "stockAdded";
  String SIGNAL_DELIVERY_ACCEPTED = "deliveryAccepted";
  String SIGNAL_RETRY_STUCK = "retryStuck";
  String UPDATE_CANCEL = "cancel";
  String UPDATE_RESOLVE_STUCK = "resolveStuck";
  String UPDATE_AWAIT_PAYMENT = "awaitPayment";
  String UPDATE_CHOOSE_SLOT = "chooseSlot";
  String QUERY_STATUS = "status";
  String QUERY_HISTORY = "history";

  @WorkflowMethod
  OrderStatus place(OrderRequest request);

  /** Raised by billing when the buyer's balance grew and this order is next in line for it. */
  @SignalMethod(name = SIGNAL_FUNDS_ADDED)
  void fundsAdded();

  /** Raised by stock when units of the ordered product arrived and this order is next in line. */
  @SignalMethod(name = SIGNAL_STOCK_ADDED)
  void stockAdded();

  /** Raised by delivery when staff accepted the order for delivery. */
  @SignalMethod(name = SIGNAL_DELIVERY_ACCEPTED)
  void deliveryAccepted();

  /**
   * Cancels the order and compensates what was done, in reverse. Idempotent: cancelling a cancelled
   * order answers its status. Rejected (failure type {@link FailureTypes#ALREADY_IN_DELIVERY}) once
   * the order was handed to delivery. A Temporal cancellation request has the same effect.
   */
  @UpdateMethod(name = UPDATE_CANCEL)
  OrderStatus cancel(String reason);

  @UpdateValidatorMethod(updateName = UPDATE_CANCEL)
  void validateCancel(String reason);

  /** Staff: try the stuck step or compensation again now instead of after the pause. */
  @SignalMethod(name = SIGNAL_RETRY_STUCK)
  void retryStuck();

  /**
   * Staff: the stuck compensation was done by hand; the saga skips it and goes on. Rejected
   * (failure type {@link FailureTypes#NOT_STUCK_ON_COMPENSATION}) unless a compensation is stuck,
   * or without a reason.
   */
  @UpdateMethod(name = UPDATE_RESOLVE_STUCK)
  StuckStep resolveStuck(StuckResolution resolution);

  @UpdateValidatorMethod(updateName = UPDATE_RESOLVE_STUCK)
  void validateResolveStuck(StuckResolution resolution);

  /**
   * Answers once the charge was tried: {@code ValidatingStock} (or later) when paid, {@code
   * ValidatingBilling} waiting for {@code FUNDS} when the balance was short, or a cancelled order.
   * Sent with the start (update-with-start), so that placing an order can answer with its payment;
   * the same update id sent again gets the same answer.
   */
  @UpdateMethod(name = UPDATE_AWAIT_PAYMENT)
  OrderStatus awaitPayment();

  /**
   * The buyer chooses another delivery slot (or, with {@code null}, the earliest free one); an
   * order waiting for a courier tries it at once. Rejected (failure type {@link
   * FailureTypes#SLOT_NOT_CHANGEABLE}) once the courier is booked or the order is cancelled, and
   * while a booking attempt is running.
   */
  @UpdateMethod(name = UPDATE_CHOOSE_SLOT)
  OrderStatus chooseSlot(Instant slot);

  @UpdateValidatorMethod(updateName = UPDATE_CHOOSE_SLOT)
  void validateChooseSlot(Instant slot);

  @QueryMethod(name = QUERY_STATUS)
  OrderStatus status();

  @QueryMethod(name = QUERY_HISTORY)
  List<StateChange> history();
}
