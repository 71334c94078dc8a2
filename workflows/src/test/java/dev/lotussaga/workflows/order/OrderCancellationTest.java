package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.CanceledFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.mockito.InOrder;

/** Cancelling a waiting order undoes exactly the steps taken, in reverse, once. */
class OrderCancellationTest {

  private static final OrderRequest ORDER =
      new OrderRequest("c-1", 7L, 2, new BigDecimal("500.00"));
  private static final RefundOrder REFUND = new RefundOrder("c-1", 7L);
  private static final ReleaseStock RELEASE_STOCK = new ReleaseStock("c-1", 2);
  private static final ReleaseCourier RELEASE_COURIER = new ReleaseCourier("c-1");

  private SagaHarness saga;

  @BeforeEach
  void startEnvironment() {
    saga = new SagaHarness();
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    saga.recordHistoryIfAsked(ORDER, test);
    saga.close();
  }

  @Test
  void cancellingWhileWaitingForFundsOnlyLeavesTheLine() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));

    order.cancel("changed my mind");

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    verify(saga.billing).refundOrder(REFUND);
    verify(saga.stock, never()).releaseStock(any());
    verify(saga.delivery, never()).releaseCourier(any());
    assertThat(saga.lastEvent().notification()).isEqualTo(NotificationType.ORDER_CANCELLED);
    assertThat(saga.lastEvent().message()).contains("changed my mind");
  }

  @Test
  void cancellingWhileWaitingForStockReleasesStockThenRefunds() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));

    order.cancel(null);

    assertThat(SagaHarness.resultOf(order)).isEqualTo(new OrderStatus(OrderState.Cancelled, null));
    InOrder reverse = inOrder(saga.stock, saga.billing);
    reverse.verify(saga.stock).releaseStock(RELEASE_STOCK);
    reverse.verify(saga.billing).refundOrder(REFUND);
    verify(saga.delivery, never()).releaseCourier(any());
    assertThat(saga.notifications())
        .containsExactly(NotificationType.ORDER_PAID, NotificationType.ORDER_CANCELLED);
    assertThat(saga.lastEvent().message()).contains("cancelled on request");
  }

  @Test
  void cancellingWhileWaitingForTheCourierUndoesAllThreeStepsInReverse() {
    stepsSucceedUntilDelivery();
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));

    order.cancel("staff: address unknown");

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    InOrder reverse = inOrder(saga.delivery, saga.stock, saga.billing);
    reverse.verify(saga.delivery).releaseCourier(RELEASE_COURIER);
    reverse.verify(saga.stock).releaseStock(RELEASE_STOCK);
    reverse.verify(saga.billing).refundOrder(REFUND);
  }

  @Test
  void cancellingTwiceCompensatesOnce() {
    stepsSucceedUntilDelivery();
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));

    order.cancel("first");
    order.cancel("second");

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    verify(saga.billing, times(1)).refundOrder(any());
    verify(saga.stock, times(1)).releaseStock(any());
    verify(saga.delivery, times(1)).releaseCourier(any());
    assertThat(saga.lastEvent().message()).contains("first");
  }

  @Test
  void aTemporalCancellationRequestCompensatesTheSameWay() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));

    WorkflowStub.fromTyped(order).cancel();

    // Temporal closes the execution as cancelled; the order's own status says Cancelled.
    assertThatThrownBy(() -> SagaHarness.resultOf(order))
        .isInstanceOf(WorkflowFailedException.class)
        .hasCauseInstanceOf(CanceledFailure.class);
    assertThat(order.status().state()).isEqualTo(OrderState.Cancelled);
    verify(saga.stock).releaseStock(RELEASE_STOCK);
    verify(saga.billing).refundOrder(REFUND);
    assertThat(saga.lastEvent().message()).contains("cancelled through Temporal");
  }

  @Test
  void everyCompensationIsRetriedUntilItSucceeds() {
    stepsSucceedUntilDelivery();
    doThrow(new IllegalStateException("delivery database restarting"))
        .doNothing()
        .when(saga.delivery)
        .releaseCourier(any());
    doThrow(new IllegalStateException("stock database restarting"))
        .doNothing()
        .when(saga.stock)
        .releaseStock(any());
    doThrow(new IllegalStateException("billing database restarting"))
        .doNothing()
        .when(saga.billing)
        .refundOrder(any());
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));

    order.cancel("test");

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    verify(saga.delivery, times(2)).releaseCourier(RELEASE_COURIER);
    verify(saga.stock, times(2)).releaseStock(RELEASE_STOCK);
    verify(saga.billing, times(2)).refundOrder(REFUND);
  }

  @Test
  void aCancelThatArrivesWhileTheCourierIsBeingBookedWinsAndUndoesTheBooking()
      throws InterruptedException {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    CountDownLatch bookingStarted = new CountDownLatch(1);
    CountDownLatch cancelAccepted = new CountDownLatch(1);
    when(saga.delivery.bookCourier(any()))
        .thenAnswer(
            booking -> {
              bookingStarted.countDown();
              cancelAccepted.await(10, TimeUnit.SECONDS);
              return CourierBooking.booked(3, Instant.parse("2026-12-01T10:00:00Z"));
            });
    OrderWorkflow order = saga.start(ORDER);
    assertThat(bookingStarted.await(10, TimeUnit.SECONDS)).isTrue();

    // The buyer cancels while delivery is still booking: the booking completes anyway.
    order.cancel("changed my mind");
    cancelAccepted.countDown();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    verify(saga.delivery).releaseCourier(RELEASE_COURIER);
    verify(saga.stock).releaseStock(RELEASE_STOCK);
    verify(saga.billing).refundOrder(REFUND);
    assertThat(saga.notifications()).doesNotContain(NotificationType.ORDER_IN_DELIVERY);
    assertThat(order.history())
        .extracting(change -> change.state())
        .doesNotContain(OrderState.NotifyingSourceSystem)
        .endsWith(OrderState.Cancelled);
  }

  @Test
  void anOrderHandedToDeliveryCannotBeCancelled() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.booked(3, Instant.parse("2026-12-01T10:00:00Z")));
    OrderWorkflow order = saga.start(ORDER);
    SagaHarness.resultOf(order);

    assertThatThrownBy(() -> order.cancel("too late")).isInstanceOf(RuntimeException.class);
    verify(saga.billing, never()).refundOrder(any());
  }

  @Test
  void aCancelThatArrivesWhileTheHandOverIsPublishedIsRefused() throws Exception {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.booked(3, Instant.parse("2026-12-01T10:00:00Z")));
    OrderWorkflow sameOrder =
        saga.client.newWorkflowStub(
            OrderWorkflow.class, OrderWorkflowIds.workflowId(ORDER.orderId()));
    CompletableFuture<Throwable> lateCancel = new CompletableFuture<>();
    saga.publisher.whilePublishing(
        NotificationType.ORDER_IN_DELIVERY,
        () -> {
          CompletableFuture.runAsync(
              () -> {
                try {
                  sameOrder.cancel("too late");
                  lateCancel.complete(null);
                } catch (RuntimeException refused) {
                  lateCancel.complete(refused);
                }
              });
          // Let the cancel reach the workflow before the hand-over's publication answers.
          Thread.sleep(500);
        });

    OrderStatus result = saga.start(ORDER).place(ORDER);

    assertThat(result.state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(lateCancel.get(10, TimeUnit.SECONDS))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("already handed to delivery");
    verify(saga.billing, never()).refundOrder(any());
    verify(saga.delivery, never()).releaseCourier(any());
    assertThat(saga.notifications()).doesNotContain(NotificationType.ORDER_CANCELLED);
  }

  private void stepsSucceedUntilDelivery() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.notBooked(CourierBooking.Status.AWAITING_ACCEPTANCE));
    doNothing().when(saga.delivery).releaseCourier(any());
  }
}
