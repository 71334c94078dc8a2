package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The waits and compensations the saga reports, as the worker's Micrometer registry sees them. */
class OrderMetricsTest {

  private static final OrderRequest ORDER =
      new OrderRequest("o-metrics", 7L, 3, new BigDecimal("1500.00"));

  private SagaHarness saga;

  @BeforeEach
  void startEnvironment() {
    saga = new SagaHarness();
  }

  @AfterEach
  void stopEnvironment() {
    saga.close();
  }

  @Test
  void aWaitForFundsThatEndsWithATopUpIsTimedOnceAsResumed() {
    when(saga.billing.chargeOrder(any()))
        .thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.booked(1L, Instant.parse("2026-12-01T10:00:00Z")));
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));

    order.fundsAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    Timer funds = awaitTimer("funds", "resumed");
    assertThat(funds.count()).isEqualTo(1);
    assertThat(funds.totalTime(TimeUnit.NANOSECONDS)).isPositive();
    assertThat(saga.metrics.find(OrderMetrics.WAIT_TIMER).tag("waiting_for", "stock").timer())
        .isNull();
    assertThat(saga.metrics.find(OrderMetrics.COMPENSATION_COUNTER).counter()).isNull();
  }

  @Test
  void cancellingWhileWaitingForTheCourierCountsEachCompensationAndEndsTheWaitAsCancelled() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.notBooked(CourierBooking.Status.AWAITING_ACCEPTANCE));
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));

    order.cancel("changed my mind");

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    assertThat(awaitTimer("courier", "cancelled").count()).isEqualTo(1);
    for (String step : new String[] {"release_courier", "release_stock", "refund"}) {
      assertThat(awaitCompensations(step).count()).as(step).isEqualTo(1.0);
    }
  }

  private Timer awaitTimer(String waitingFor, String outcome) {
    SagaHarness.awaitCondition(() -> timer(waitingFor, outcome) != null);
    Timer timer = timer(waitingFor, outcome);
    assertThat(timer).as("timer for %s/%s", waitingFor, outcome).isNotNull();
    return timer;
  }

  private Timer timer(String waitingFor, String outcome) {
    return saga.metrics
        .find(OrderMetrics.WAIT_TIMER)
        .tag("waiting_for", waitingFor)
        .tag("outcome", outcome)
        .timer();
  }

  private Counter awaitCompensations(String step) {
    SagaHarness.awaitCondition(
        () -> compensations(step) != null && compensations(step).count() > 0);
    Counter counter = compensations(step);
    assertThat(counter).as("compensations of %s", step).isNotNull();
    return counter;
  }

  private Counter compensations(String step) {
    return saga.metrics.find(OrderMetrics.COMPENSATION_COUNTER).tag("step", step).counter();
  }
}
