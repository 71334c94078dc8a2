package dev.lotussaga.workflows.order;

import static dev.lotussaga.contracts.events.NotificationType.DELIVERY_DELAYED;
import static dev.lotussaga.contracts.events.NotificationType.ORDER_CANCELLED;
import static dev.lotussaga.contracts.events.NotificationType.ORDER_IN_DELIVERY;
import static dev.lotussaga.contracts.events.NotificationType.ORDER_PAID;
import static dev.lotussaga.contracts.events.NotificationType.PAYMENT_FAILED;
import static dev.lotussaga.contracts.events.NotificationType.STOCK_RESERVED;
import static dev.lotussaga.contracts.order.OrderState.Cancelled;
import static dev.lotussaga.contracts.order.OrderState.NotifyingSourceSystem;
import static dev.lotussaga.contracts.order.OrderState.ValidatingDelivery;
import static dev.lotussaga.contracts.order.OrderState.ValidatingStock;

import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.spring.boot.WorkflowImpl;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * Charge, reserve, book; each step that cannot succeed now parks the order in a visible state until
 * the owning service signals that it is this order's turn, then the step is tried again. A cancel
 * (update, Temporal cancellation request or a passed deadline) undoes the steps taken, in reverse.
 */
@WorkflowImpl(taskQueues = OrderWorkflow.TASK_QUEUE)
public class OrderWorkflowImpl implements OrderWorkflow {

  static final Duration COURIER_RECHECK = Duration.ofMinutes(15);

  /** Version 1 added wait deadlines; orders started before replay without them. */
  static final String WAIT_DEADLINES_CHANGE = "wait-deadlines";

  /** Version 1 publishes events with local activities; orders started before keep remote ones. */
  static final String LOCAL_EVENTS_CHANGE = "local-events";

  /**
   * Version 1 publishes the hand-over to delivery through a task-queue activity. A local activity
   * runs inside the workflow task that also completes the workflow; when a cancel arrives during
   * that task, Temporal discards the task and replays it with the cancel first, so the hand-over
   * event was out for an order that then got cancelled (found by ./lotus faults). A task-queue
   * activity is only scheduled once the task that decided the hand-over is recorded.
   */
  static final String DURABLE_HANDOVER_CHANGE = "durable-handover";

  /**
   * Version 1 keeps a memo with the order summary and, where started with them, search attributes.
   */
  static final String ORDER_SUMMARY_CHANGE = "order-summary";

  /**
   * Version 1 honours a re-driven run's {@link Resumption}: event ids carry its generation,
   * deadlines count from the first waits of the runs before, and a cancel accepted before the
   * re-drive only compensates.
   */
  static final String REDRIVE_CHANGE = "redrive";

  /**
   * Version 1 runs steps and compensations in rounds of attempts and shows the order stuck after
   * each failed round (or at once when a compensation fails for good), for staff to see and act on.
   */
  static final String STUCK_STEPS_CHANGE = "stuck-steps";

  private SagaSteps steps;
  private final StuckSteps stuckSteps = new StuckSteps(this::cancelRequested);
  private final Saga compensations = new Saga(new Saga.Options.Builder().build());
  private final OrderMetrics metrics = new OrderMetrics();
  private final Waits waits = new Waits(this::cancelRequested);
  private OrderJournal journal;
  private boolean localEvents;
  private String cancelReason;
  private Instant chosenSlot;
  private boolean bookingCourier;
  private String delayTold;

  @Override
  public OrderStatus place(OrderRequest order) {
    chosenSlot = order.deliverySlot();
    Resumption resumption =
        Workflow.getVersion(REDRIVE_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1
            ? order.resumptionOrFirstRun()
            : Resumption.FIRST_RUN;
    boolean showsStuck = Workflow.getVersion(STUCK_STEPS_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    steps = new SagaSteps(showsStuck ? order.stuckAfterAttemptsOrDefault() : 0);
    if (Workflow.getVersion(WAIT_DEADLINES_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1) {
      waits.enforceDeadlines(order.waitLimits(), resumption.firstWaits());
    }
    localEvents = Workflow.getVersion(LOCAL_EVENTS_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    OrderVisibility visibility =
        Workflow.getVersion(ORDER_SUMMARY_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1
            ? new OrderVisibility(order)
            : null;
    journal =
        new OrderJournal(
            order, resumption.generation(), steps.events(localEvents), metrics, visibility);
    if (showsStuck) {
      stuckSteps.watch(order.stuckAfterAttemptsOrDefault(), journal::showStuck);
    }
    if (resumption.cancelled()) {
      cancel(resumption.cancelReason());
      undoEverything(order);
      return journal.status();
    }
    String stopReason;
    try {
      goForward(order);
      return journal.status();
    } catch (CanceledFailure | ActivityFailure stopped) {
      stopReason = cancelReason != null ? cancelReason : reasonOf(stopped);
    } catch (WaitExpired expired) {
      stopReason = expired.getMessage();
    }
    compensate(stopReason);
    return journal.status();
  }

  private void goForward(OrderRequest order) {
    stopIfCancelled();
    addRefund(order);
    ChargeOrder charge = new ChargeOrder(order.orderId(), order.userId(), order.price());
    while (stuckSteps.step("charge", () -> steps.billing().chargeOrder(charge))
        != ChargeOutcome.CHARGED) {
      journal.waitFor(
          WaitingFor.FUNDS,
          PAYMENT_FAILED,
          "Not enough money to pay " + order.price() + "; top up to go on");
      waits.await(WaitingFor.FUNDS);
    }
    stopIfCancelled();
    journal.advance(ValidatingStock, ORDER_PAID, "Paid " + order.price());

    addStockRelease(order);
    ReserveStock reservation = new ReserveStock(order.orderId(), order.productId());
    while (stuckSteps.step("reserve_stock", () -> steps.stock().reserveStock(reservation))
        != ReservationOutcome.RESERVED) {
      journal.waitFor(WaitingFor.STOCK);
      waits.await(WaitingFor.STOCK);
    }
    stopIfCancelled();
    journal.advance(
        ValidatingDelivery, STOCK_RESERVED, "Product " + order.productId() + " reserved");

    addCourierRelease(order);
    CourierBooking booking;
    while (!(booking = bookCourier(order)).hasCourier()) {
      awaitCourier(booking);
    }
    stopIfCancelled();
    journal.advance(
        NotifyingSourceSystem, ORDER_IN_DELIVERY, inDelivery(booking), handoverPublisher());
  }

  /** Books the slot chosen when the attempt starts: a slot change waits until it is over. */
  private CourierBooking bookCourier(OrderRequest order) {
    BookCourier courier = new BookCourier(order.orderId(), order.productId(), chosenSlot);
    bookingCourier = true;
    try {
      return stuckSteps.step("book_courier", () -> steps.delivery().bookCourier(courier));
    } finally {
      bookingCourier = false;
    }
  }

  private String inDelivery(CourierBooking booking) {
    return "Courier "
        + booking.courierId()
        + " delivers in the slot starting "
        + booking.slotStart()
        + (chosenSlot == null ? "" : ", the slot you chose");
  }

  /**
   * A cancel accepted before the re-drive: the lost run may have taken any step, so every step is
   * undone. Undoing a step never taken changes nothing and bars the step for good, so a step of the
   * lost run that is still in flight cannot take effect afterwards.
   */
  private void undoEverything(OrderRequest order) {
    addRefund(order);
    addStockRelease(order);
    addCourierRelease(order);
    compensate(cancelReason);
  }

  private void addRefund(OrderRequest order) {
    RefundOrder refund = new RefundOrder(order.orderId(), order.userId());
    addCompensation("refund", () -> steps.billing().refundOrder(refund));
  }

  private void addStockRelease(OrderRequest order) {
    ReleaseStock release = new ReleaseStock(order.orderId(), order.productId());
    addCompensation("release_stock", () -> steps.stock().releaseStock(release));
  }

  private void addCourierRelease(OrderRequest order) {
    ReleaseCourier release = new ReleaseCourier(order.orderId());
    addCompensation("release_courier", () -> steps.delivery().releaseCourier(release));
  }

  private void addCompensation(String step, Runnable undo) {
    compensations.addCompensation(
        () -> {
          stuckSteps.compensation(step, undo);
          metrics.compensated(step);
        });
  }

  private OrderEventActivities handoverPublisher() {
    boolean durable =
        Workflow.getVersion(DURABLE_HANDOVER_CHANGE, Workflow.DEFAULT_VERSION, 1) >= 1;
    return steps.events(!durable && localEvents);
  }

  /**
   * A cancel accepted while a step was running lets the step finish (its compensation is
   * registered) but the order does not advance past it: cancelled is cancelled.
   */
  private void stopIfCancelled() {
    if (cancelRequested()) {
      throw new CanceledFailure(cancelReason);
    }
  }

  private boolean cancelRequested() {
    return cancelReason != null;
  }

  /**
   * Acceptance and a newly chosen slot are announced by a signal or update. A full timetable is
   * not: new slots appear as time passes and cancellations free booked ones, so that wait also ends
   * after a while and the booking is tried again. The buyer is told once why their chosen slot
   * cannot be booked.
   */
  private void awaitCourier(CourierBooking booking) {
    switch (booking.status()) {
      case SLOT_TAKEN -> {
        tellDelay(
            "Every courier is booked in the slot you chose, starting "
                + chosenSlot
                + "; the order waits for one to be freed, or choose another slot");
        waits.await(WaitingFor.COURIER, COURIER_RECHECK);
      }
      case SLOT_PASSED -> {
        tellDelay(
            "The slot you chose, starting "
                + chosenSlot
                + ", began before a courier could be booked; choose another slot");
        waits.await(WaitingFor.COURIER);
      }
      case NO_COURIER_FREE -> {
        journal.waitFor(WaitingFor.COURIER);
        waits.await(WaitingFor.COURIER, COURIER_RECHECK);
      }
      default -> {
        journal.waitFor(WaitingFor.COURIER);
        waits.await(WaitingFor.COURIER);
      }
    }
  }

  private void tellDelay(String why) {
    if (why.equals(delayTold)) {
      journal.waitFor(WaitingFor.COURIER);
    } else {
      journal.waitFor(WaitingFor.COURIER, DELIVERY_DELAYED, why);
      delayTold = why;
    }
  }

  /** Runs even when the workflow itself is being cancelled; compensations retry until done. */
  private void compensate(String reason) {
    Workflow.newDetachedCancellationScope(
            () -> {
              compensations.compensate();
              List<String> byHand = stuckSteps.resolvedByHand();
              journal.advance(
                  Cancelled,
                  ORDER_CANCELLED,
                  "Order cancelled: "
                      + reason
                      + (byHand.isEmpty() ? "" : " (" + String.join("; ", byHand) + ")"));
            })
        .run();
  }

  private static String reasonOf(RuntimeException stopped) {
    if (stopped instanceof ActivityFailure failure
        && failure.getCause() instanceof ApplicationFailure cause) {
      return cause.getOriginalMessage();
    }
    return "cancelled through Temporal";
  }

  /**
   * Ends a wait at once; a running step finishes first (nothing is cancelled under it), then the
   * order stops before its next step. A Temporal cancellation request instead cancels the running
   * activity, which the saga waits for (WAIT_CANCELLATION_COMPLETED) before compensating.
   */
  @Override
  public OrderStatus cancel(String reason) {
    if (cancelReason == null) {
      cancelReason = reason == null || reason.isBlank() ? "cancelled on request" : reason.strip();
    }
    return status();
  }

  @Override
  public void validateCancel(String reason) {
    if (status().state() == NotifyingSourceSystem) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The order is already handed to delivery", FailureTypes.ALREADY_IN_DELIVERY);
    }
  }

  /**
   * Any change from the state the order was placed in means the charge was tried (or cancelled).
   */
  @Override
  public OrderStatus awaitPayment() {
    Workflow.await(() -> !status().equals(OrderJournal.INITIAL_STATUS));
    return status();
  }

  @Override
  public void validateChooseSlot(Instant slot) {
    String refused =
        cancelRequested() || status().state() == Cancelled
            ? "The order is cancelled"
            : status().state() == NotifyingSourceSystem
                ? "The courier is booked already"
                : bookingCourier
                    ? "A courier is being booked for the order right now; try again in a moment"
                    : null;
    if (refused != null) {
      throw ApplicationFailure.newNonRetryableFailure(refused, FailureTypes.SLOT_NOT_CHANGEABLE);
    }
  }

  /**
   * An order that reached delivery tries the new slot at once; one still being paid or reserved
   * books it when it gets there.
   */
  @Override
  public OrderStatus chooseSlot(Instant slot) {
    if (!Objects.equals(slot, chosenSlot)) {
      chosenSlot = slot;
      delayTold = null;
    }
    if (status().state() == ValidatingDelivery) {
      waits.raise(WaitingFor.COURIER);
    }
    return status();
  }

  @Override
  public void retryStuck() {
    stuckSteps.retry();
  }

  @Override
  public void validateResolveStuck(StuckResolution resolution) {
    stuckSteps.checkResolvable(resolution);
  }

  @Override
  public StuckStep resolveStuck(StuckResolution resolution) {
    return stuckSteps.resolve(resolution);
  }

  @Override
  public void fundsAdded() {
    waits.raise(WaitingFor.FUNDS);
  }

  @Override
  public void stockAdded() {
    waits.raise(WaitingFor.STOCK);
  }

  @Override
  public void deliveryAccepted() {
    waits.raise(WaitingFor.COURIER);
  }

  @Override
  public OrderStatus status() {
    return journal == null ? OrderJournal.INITIAL_STATUS : journal.status();
  }

  @Override
  public List<StateChange> history() {
    return journal == null ? List.of() : journal.history();
  }
}
