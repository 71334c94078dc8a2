package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.client.WorkflowNotFoundException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** Multi-day deadlines, proved in seconds with time skipping. */
class WaitDeadlineTest {

  private static final OrderRequest ORDER =
      new OrderRequest("d-1", 9L, 3, new BigDecimal("1500.00"), WaitLimits.DEFAULT);

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
  void anOrderWithoutFundsForADayIsCancelled() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);

    OrderStatus result = placeAndMeasure(Duration.ofHours(24));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().notification()).isEqualTo(NotificationType.ORDER_CANCELLED);
    assertThat(saga.lastEvent().message()).contains("no funds within 24 h");
    verify(saga.billing).refundOrder(new RefundOrder("d-1", 9L));
  }

  @Test
  void anOrderWithoutStockForAWeekIsCancelledAndRefunded() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);

    OrderStatus result = placeAndMeasure(Duration.ofDays(7));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message()).contains("no stock within 7 days");
    verify(saga.stock).releaseStock(new ReleaseStock("d-1", 3));
    verify(saga.billing).refundOrder(new RefundOrder("d-1", 9L));
  }

  @Test
  void anOrderNotAcceptedForTwoDaysIsCancelled() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.notBooked(CourierBooking.Status.AWAITING_ACCEPTANCE));

    OrderStatus result = placeAndMeasure(Duration.ofHours(48));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message()).contains("no courier acceptance within 48 h");
  }

  @Test
  void theDeadlineCountsFromTheFirstWaitNotFromEachWakeUp() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    Instant firstWait = now();

    saga.env.sleep(Duration.ofHours(20));
    order.fundsAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    assertThat(Duration.between(firstWait, cancelledAt())).isLessThan(Duration.ofHours(25));
    verify(saga.billing, times(2)).chargeOrder(any());
  }

  @Test
  void aWakeUpAfterTheDeadlineDoesNotResurrectTheOrder() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    OrderWorkflow order = saga.start(ORDER);

    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    saga.env.sleep(Duration.ofHours(24).plusMinutes(1));
    try {
      order.fundsAdded();
    } catch (WorkflowNotFoundException alreadyClosed) {
      // Compensation may already be over: the wake-up then has nothing to resurrect either.
    }

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    verify(saga.billing, times(1)).chargeOrder(any());
    verify(saga.stock, never()).reserveStock(any());
    assertThat(order.status().state()).isEqualTo(OrderState.Cancelled);
  }

  @Test
  void limitsComeFromTheDeployment() {
    OrderRequest shortFunds =
        new OrderRequest(
            "d-1",
            9L,
            3,
            BigDecimal.TEN,
            new WaitLimits(Duration.ofMinutes(30), Duration.ofDays(7), Duration.ofHours(48)));
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    Instant start = now();

    OrderStatus result = SagaHarness.resultOf(saga.start(shortFunds));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(Duration.between(start, cancelledAt()))
        .isBetween(Duration.ofMinutes(30), Duration.ofHours(1));
    assertThat(saga.lastEvent().message()).contains("no funds within 30 min");
  }

  private OrderStatus placeAndMeasure(Duration limit) {
    Instant start = now();
    OrderStatus result = SagaHarness.resultOf(saga.start(ORDER));
    Duration waited = Duration.between(start, cancelledAt());
    assertThat(waited).isGreaterThanOrEqualTo(limit).isLessThan(limit.plusHours(1));
    return result;
  }

  /**
   * Workflow time of the cancellation. The environment's clock is no measure once the result is in:
   * it may skip on to timers of the closed run while the client collects the result.
   */
  private Instant cancelledAt() {
    assertThat(saga.lastEvent().notification()).isEqualTo(NotificationType.ORDER_CANCELLED);
    return saga.lastEvent().occurredAt();
  }

  private Instant now() {
    return Instant.ofEpochMilli(saga.env.currentTimeMillis());
  }
}
