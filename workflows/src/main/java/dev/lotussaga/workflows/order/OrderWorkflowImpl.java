package dev.lotussaga.workflows.order;

import static dev.lotussaga.contracts.events.NotificationType.ORDER_IN_DELIVERY;
import static dev.lotussaga.contracts.events.NotificationType.ORDER_PAID;
import static dev.lotussaga.contracts.events.NotificationType.PAYMENT_FAILED;
import static dev.lotussaga.contracts.events.NotificationType.STOCK_RESERVED;
import static dev.lotussaga.contracts.order.OrderState.NotifyingSourceSystem;
import static dev.lotussaga.contracts.order.OrderState.ValidatingDelivery;
import static dev.lotussaga.contracts.order.OrderState.ValidatingStock;

import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSaga;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import io.temporal.spring.boot.WorkflowImpl;
import java.time.Duration;
import java.util.List;

/**
 * Charge, reserve, book; each step that cannot succeed now parks the order in a visible state until
 * the owning service signals that it is this order's turn, then the step is tried again.
 */
@WorkflowImpl(taskQueues = OrderSaga.TASK_QUEUE)
public class OrderWorkflowImpl implements OrderWorkflow {

  static final Duration COURIER_RECHECK = Duration.ofMinutes(15);

  private final SagaSteps steps = new SagaSteps();
  private final WakeUps wakeUps = new WakeUps();
  private OrderJournal journal;

  @Override
  public OrderStatus place(OrderRequest order) {
    journal = new OrderJournal(order, steps.events());

    ChargeOrder charge = new ChargeOrder(order.orderId(), order.userId(), order.price());
    while (steps.billing().chargeOrder(charge) != ChargeOutcome.CHARGED) {
      journal.waitFor(
          WaitingFor.FUNDS,
          PAYMENT_FAILED,
          "Not enough money to pay " + order.price() + "; top up to go on");
      wakeUps.await(WaitingFor.FUNDS);
    }
    journal.advance(ValidatingStock, ORDER_PAID, "Paid " + order.price());

    ReserveStock reservation = new ReserveStock(order.orderId(), order.productId());
    while (steps.stock().reserveStock(reservation) != ReservationOutcome.RESERVED) {
      journal.waitFor(WaitingFor.STOCK);
      wakeUps.await(WaitingFor.STOCK);
    }
    journal.advance(
        ValidatingDelivery, STOCK_RESERVED, "Product " + order.productId() + " reserved");

    BookCourier courier = new BookCourier(order.orderId(), order.productId());
    CourierBooking booking;
    while (!(booking = steps.delivery().bookCourier(courier)).hasCourier()) {
      journal.waitFor(WaitingFor.COURIER);
      awaitCourier(booking);
    }
    journal.advance(
        NotifyingSourceSystem,
        ORDER_IN_DELIVERY,
        "Courier " + booking.courierId() + " delivers in the slot starting " + booking.slotStart());
    return journal.status();
  }

  /**
   * Acceptance is announced by a signal. A full timetable is not: new slots appear as time passes,
   * so that wait also ends after a while and the booking is tried again.
   */
  private void awaitCourier(CourierBooking booking) {
    if (booking.status() == CourierBooking.Status.NO_COURIER_FREE) {
      wakeUps.await(WaitingFor.COURIER, COURIER_RECHECK);
    } else {
      wakeUps.await(WaitingFor.COURIER);
    }
  }

  @Override
  public void fundsAdded() {
    wakeUps.raise(WaitingFor.FUNDS);
  }

  @Override
  public void stockAdded() {
    wakeUps.raise(WaitingFor.STOCK);
  }

  @Override
  public void deliveryAccepted() {
    wakeUps.raise(WaitingFor.COURIER);
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
