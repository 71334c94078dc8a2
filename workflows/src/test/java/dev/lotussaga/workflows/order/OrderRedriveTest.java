package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.STRING;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.mockito.InOrder;

/** A new run of an order whose workflow was lost: it converges on what the lost run had done. */
class OrderRedriveTest {

  private static final String ORDER_ID = "r-1";
  private static final Instant SLOT = Instant.parse("2026-12-01T10:00:00Z");

  private SagaHarness saga;
  private OrderRequest order;

  @BeforeEach
  void startEnvironment() {
    saga = new SagaHarness();
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    if (order != null) {
      saga.recordHistoryIfAsked(order, test);
    }
    saga.close();
  }

  @Test
  void aRedrivenOrderFindsItsStepsTakenAndGoesOnUnderEventIdsOfItsOwn() {
    order = redriven(new Resumption(2, Map.of(), null));
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any())).thenReturn(CourierBooking.booked(7, SLOT));

    OrderStatus result = SagaHarness.resultOf(saga.start(order));

    assertThat(result.state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(saga.published)
        .extracting(OrderEvent::eventId)
        .satisfiesExactly(
            id -> assertThat(id).matches("r-1-r2-1-[0-9a-f]{8}"),
            id -> assertThat(id).matches("r-1-r2-2-[0-9a-f]{8}"),
            id -> assertThat(id).matches("r-1-r2-3-[0-9a-f]{8}"));
    assertThat(saga.notifications())
        .containsExactly(
            NotificationType.ORDER_PAID,
            NotificationType.STOCK_RESERVED,
            NotificationType.ORDER_IN_DELIVERY);
  }

  @Test
  void aRedrivenOrderKeepsTheDeadlineOfItsFirstWait() {
    Instant firstWaitForStock = now().minus(Duration.ofDays(6));
    order = redriven(new Resumption(3, Map.of(WaitingFor.STOCK, firstWaitForStock), null));
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);

    OrderStatus result = SagaHarness.resultOf(saga.start(order));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message()).contains("no stock within 7 days");
    assertThat(Duration.between(firstWaitForStock, saga.lastEvent().occurredAt()))
        .isBetween(Duration.ofDays(7), Duration.ofDays(7).plusHours(1));
    verify(saga.billing).refundOrder(new RefundOrder(ORDER_ID, 9L));
  }

  @Test
  void aRedrivenOrderPastItsDeadlineIsCancelledAtItsFirstWait() {
    Instant firstWaitForFunds = now().minus(Duration.ofDays(2));
    order = redriven(new Resumption(2, Map.of(WaitingFor.FUNDS, firstWaitForFunds), null));
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    Instant started = now();

    OrderStatus result = SagaHarness.resultOf(saga.start(order));

    assertThat(result.state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message()).contains("no funds within 24 h");
    assertThat(Duration.between(started, saga.lastEvent().occurredAt()))
        .isLessThan(Duration.ofMinutes(1));
  }

  @Test
  void aCancelAcceptedBeforeTheRedriveUndoesEveryStepAndTakesNone() {
    order = redriven(new Resumption(2, Map.of(), "changed my mind"));

    OrderStatus result = SagaHarness.resultOf(saga.start(order));

    assertThat(result).isEqualTo(new OrderStatus(OrderState.Cancelled, null));
    InOrder reverse = inOrder(saga.delivery, saga.stock, saga.billing);
    reverse.verify(saga.delivery).releaseCourier(new ReleaseCourier(ORDER_ID));
    reverse.verify(saga.stock).releaseStock(new ReleaseStock(ORDER_ID, 3));
    reverse.verify(saga.billing).refundOrder(new RefundOrder(ORDER_ID, 9L));
    verify(saga.billing, never()).chargeOrder(any());
    verify(saga.stock, never()).reserveStock(any());
    verify(saga.delivery, never()).bookCourier(any());
    assertThat(saga.published)
        .extracting(OrderEvent::eventId)
        .singleElement(as(STRING))
        .matches("r-1-r2-1-[0-9a-f]{8}");
    assertThat(saga.lastEvent().message()).isEqualTo("Order cancelled: changed my mind");
  }

  private static OrderRequest redriven(Resumption resumption) {
    return new OrderRequest(
        ORDER_ID, 9L, 3, new BigDecimal("1500.00"), WaitLimits.DEFAULT, resumption);
  }

  private Instant now() {
    return Instant.ofEpochMilli(saga.env.currentTimeMillis());
  }
}
