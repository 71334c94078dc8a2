package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.atLeast;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.CourierBooking.Status;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.client.WorkflowNotFoundException;
import io.temporal.client.WorkflowUpdateException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.mockito.ArgumentCaptor;
import org.mockito.stubbing.Answer;

/** An order for a delivery slot the buyer chose: booked in it, or waiting and saying why. */
class ChosenSlotTest {

  private static final Instant CHOSEN = Instant.parse("2026-12-03T10:00:00Z");
  private static final Instant OTHER = Instant.parse("2026-12-03T15:00:00Z");
  private static final OrderRequest ORDER =
      new OrderRequest("slot-1", 42L, 1, new BigDecimal("100.00"), null, null, null, CHOSEN);

  private final SagaHarness saga = new SagaHarness();

  @AfterEach
  void stop(TestInfo test) throws IOException {
    saga.recordHistoryIfAsked(ORDER, test);
    saga.close();
  }

  @Test
  void theCourierIsBookedInTheChosenSlotAndTheNotificationNamesIt() {
    paidAndReserved();
    when(saga.delivery.bookCourier(any())).thenReturn(CourierBooking.booked(4, CHOSEN));

    OrderStatus result = saga.newOrder(ORDER).place(ORDER);

    assertThat(result.state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(bookedSlots()).containsExactly(CHOSEN);
    assertThat(saga.lastEvent().notification()).isEqualTo(NotificationType.ORDER_IN_DELIVERY);
    assertThat(saga.lastEvent().message())
        .isEqualTo("Courier 4 delivers in the slot starting " + CHOSEN + ", the slot you chose");
  }

  @Test
  void aTakenSlotIsToldOnceAndBookedWhenACancellationFreesIt() {
    paidAndReserved();
    when(saga.delivery.bookCourier(any()))
        .thenReturn(
            CourierBooking.notBooked(Status.SLOT_TAKEN),
            CourierBooking.notBooked(Status.SLOT_TAKEN),
            CourierBooking.booked(2, CHOSEN));

    OrderStatus result = saga.newOrder(ORDER).place(ORDER);

    assertThat(result.state()).isEqualTo(OrderState.NotifyingSourceSystem);
    List<OrderEvent> delays = delays();
    assertThat(delays).hasSize(1);
    assertThat(delays.get(0).state()).isEqualTo(OrderState.ValidatingDelivery);
    assertThat(delays.get(0).waitingFor()).isEqualTo(WaitingFor.COURIER);
    assertThat(delays.get(0).message())
        .isEqualTo(
            "Every courier is booked in the slot you chose, starting "
                + CHOSEN
                + "; the order waits for one to be freed, or choose another slot");
    assertThat(bookedSlots()).containsExactly(CHOSEN, CHOSEN, CHOSEN);
  }

  @Test
  void aPassedSlotWaitsForTheBuyerWhoseNewChoiceIsBookedAtOnce() {
    paidAndReserved();
    when(saga.delivery.bookCourier(any()))
        .thenAnswer(
            call ->
                CHOSEN.equals(call.<BookCourier>getArgument(0).slot())
                    ? CourierBooking.notBooked(Status.SLOT_PASSED)
                    : CourierBooking.booked(9, OTHER));
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));

    saga.env.sleep(Duration.ofHours(6));
    verify(saga.delivery, times(1)).bookCourier(any());
    assertThat(delays())
        .singleElement()
        .extracting(OrderEvent::message)
        .asString()
        .contains("began before a courier could be booked; choose another slot");

    order.chooseSlot(OTHER);

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(bookedSlots()).containsExactly(CHOSEN, OTHER);
    assertThat(saga.lastEvent().message()).contains("starting " + OTHER);
  }

  @Test
  void aSlotChosenAgainWhileThePaymentWaitsIsTheOneBooked() {
    when(saga.billing.chargeOrder(any()))
        .thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any())).thenReturn(CourierBooking.booked(1, OTHER));
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));

    assertThat(order.chooseSlot(OTHER))
        .isEqualTo(new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    order.fundsAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(bookedSlots()).containsExactly(OTHER);
  }

  @Test
  void theSlotCannotChangeOnceTheCourierIsBookedOrTheOrderCancelled() {
    paidAndReserved();
    when(saga.delivery.bookCourier(any())).thenReturn(CourierBooking.booked(4, CHOSEN));
    OrderWorkflow delivered = saga.start(ORDER);
    SagaHarness.resultOf(delivered);

    // The hand-over ends the workflow: nothing takes an update any more (the gateway says 409).
    assertThatThrownBy(() -> delivered.chooseSlot(OTHER))
        .isInstanceOf(WorkflowNotFoundException.class);

    OrderRequest second =
        new OrderRequest("slot-2", 42L, 1, new BigDecimal("100.00"), null, null, null, CHOSEN);
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    doAnswer(slowRefund()).when(saga.billing).refundOrder(any());
    OrderWorkflow cancelled = saga.start(second);
    saga.awaitStatus(cancelled, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    cancelled.cancel("changed my mind");

    assertThatThrownBy(() -> cancelled.chooseSlot(OTHER))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("The order is cancelled");
    assertThat(SagaHarness.resultOf(cancelled).state()).isEqualTo(OrderState.Cancelled);
  }

  @Test
  void anOrderWithoutAChosenSlotBooksTheEarliestAsBefore() {
    OrderRequest earliest = new OrderRequest(ORDER.orderId(), 42L, 1, new BigDecimal("100.00"));
    paidAndReserved();
    when(saga.delivery.bookCourier(any())).thenReturn(CourierBooking.booked(4, CHOSEN));

    saga.newOrder(earliest).place(earliest);

    assertThat(bookedSlots()).containsOnlyNulls().hasSize(1);
    assertThat(saga.lastEvent().message())
        .isEqualTo("Courier 4 delivers in the slot starting " + CHOSEN);
  }

  /** Keeps a cancelled workflow open while the slot change is tried. */
  private static Answer<Void> slowRefund() {
    return call -> {
      Thread.sleep(1500);
      return null;
    };
  }

  private void paidAndReserved() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
  }

  private List<Instant> bookedSlots() {
    ArgumentCaptor<BookCourier> bookings = ArgumentCaptor.forClass(BookCourier.class);
    verify(saga.delivery, atLeast(1)).bookCourier(bookings.capture());
    return bookings.getAllValues().stream().map(BookCourier::slot).toList();
  }

  private List<OrderEvent> delays() {
    return saga.published.stream()
        .filter(event -> event.notification() == NotificationType.DELIVERY_DELAYED)
        .toList();
  }
}
