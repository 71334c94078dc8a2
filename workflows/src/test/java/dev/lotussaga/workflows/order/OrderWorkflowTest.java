package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.DeliveryActivities;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.StockActivities;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.mockito.ArgumentCaptor;

/** The saga's paths with the services mocked, on Temporal's time-skipping test environment. */
class OrderWorkflowTest {

  private static final Instant SLOT = Instant.parse("2026-12-01T10:00:00Z");
  private static final OrderRequest ORDER =
      new OrderRequest("o-1", 42L, 3, new BigDecimal("1500.00"));

  private SagaHarness saga;
  private BillingActivities billing;
  private StockActivities stock;
  private DeliveryActivities delivery;
  private List<OrderEvent> published;
  private WorkflowClient client;

  @BeforeEach
  void startEnvironment() {
    saga = new SagaHarness();
    billing = saga.billing;
    stock = saga.stock;
    delivery = saga.delivery;
    published = saga.published;
    client = saga.client;
  }

  @AfterEach
  void stopEnvironment(TestInfo test) throws IOException {
    saga.recordHistoryIfAsked(ORDER, test);
    saga.close();
  }

  @Test
  void handsOrderToDeliveryWhenEveryStepSucceedsAtOnce() {
    everyStepSucceeds();

    OrderStatus result = saga.newOrder(ORDER).place(ORDER);

    assertThat(result).isEqualTo(new OrderStatus(OrderState.NotifyingSourceSystem, null));
    assertThat(saga.notifications())
        .containsExactly(
            NotificationType.ORDER_PAID,
            NotificationType.STOCK_RESERVED,
            NotificationType.ORDER_IN_DELIVERY);
    assertThat(published.get(2).message()).contains("Courier 7").contains(SLOT.toString());
  }

  @Test
  void keepsRetryingAnEventThatKafkaRefusesInsteadOfUndoingTheOrder() {
    everyStepSucceeds();
    saga.publisher.failNext(5);

    OrderStatus result = saga.newOrder(ORDER).place(ORDER);

    assertThat(result).isEqualTo(new OrderStatus(OrderState.NotifyingSourceSystem, null));
    assertThat(published)
        .extracting(OrderEvent::eventId)
        .satisfiesExactly(
            id -> assertThat(id).matches("o-1-1-[0-9a-f]{8}"),
            id -> assertThat(id).matches("o-1-2-[0-9a-f]{8}"),
            id -> assertThat(id).matches("o-1-3-[0-9a-f]{8}"));
    verify(billing, times(0)).refundOrder(any());
  }

  @Test
  void waitsInValidatingBillingUntilFundsArriveThenGoesOn() {
    when(billing.chargeOrder(any()))
        .thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.CHARGED);
    stockAndDeliverySucceed();
    OrderWorkflow order = saga.start(ORDER);

    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    assertThat(saga.notifications()).containsExactly(NotificationType.PAYMENT_FAILED);

    order.fundsAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(saga.notifications())
        .containsExactly(
            NotificationType.PAYMENT_FAILED,
            NotificationType.ORDER_PAID,
            NotificationType.STOCK_RESERVED,
            NotificationType.ORDER_IN_DELIVERY);
    verify(billing, times(2)).chargeOrder(any());
  }

  @Test
  void waitsInValidatingStockWithoutNotifyingUntilStockArrives() {
    when(billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(stock.reserveStock(any()))
        .thenReturn(ReservationOutcome.OUT_OF_STOCK, ReservationOutcome.RESERVED);
    when(delivery.bookCourier(any())).thenReturn(CourierBooking.booked(7, SLOT));
    OrderWorkflow order = saga.start(ORDER);

    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));
    assertThat(saga.notifications()).containsExactly(NotificationType.ORDER_PAID);

    order.stockAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    verify(stock, times(2)).reserveStock(any());
  }

  @Test
  void waitsInValidatingDeliveryUntilStaffAccept() {
    when(billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(delivery.bookCourier(any()))
        .thenReturn(
            CourierBooking.notBooked(CourierBooking.Status.AWAITING_ACCEPTANCE),
            CourierBooking.booked(7, SLOT));
    OrderWorkflow order = saga.start(ORDER);

    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER));
    assertThat(saga.notifications())
        .containsExactly(NotificationType.ORDER_PAID, NotificationType.STOCK_RESERVED);

    order.deliveryAccepted();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(saga.notifications()).endsWith(NotificationType.ORDER_IN_DELIVERY);
  }

  @Test
  void aWakeUpThatArrivesWhileTheStepIsStillRunningIsNotLost() {
    AtomicInteger attempts = new AtomicInteger();
    when(billing.chargeOrder(any()))
        .thenAnswer(
            call -> {
              if (attempts.incrementAndGet() == 1) {
                // The top-up lands after billing said "no" but before the workflow waits.
                client
                    .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(ORDER.orderId()))
                    .signal(OrderWorkflow.SIGNAL_FUNDS_ADDED);
                return ChargeOutcome.INSUFFICIENT_FUNDS;
              }
              return ChargeOutcome.CHARGED;
            });
    stockAndDeliverySucceed();

    OrderWorkflow order = saga.start(ORDER);

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(attempts).hasValue(2);
  }

  @Test
  void triesAgainLaterWhenNoCourierIsFree() {
    when(billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(delivery.bookCourier(any()))
        .thenReturn(
            CourierBooking.notBooked(CourierBooking.Status.NO_COURIER_FREE),
            CourierBooking.booked(7, SLOT));
    Instant before = Instant.ofEpochMilli(saga.env.currentTimeMillis());

    OrderStatus result = saga.newOrder(ORDER).place(ORDER);

    assertThat(result.state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(Duration.between(before, saga.lastEvent().occurredAt()))
        .isGreaterThanOrEqualTo(OrderWorkflowImpl.COURIER_RECHECK);
  }

  @Test
  void historyListsEveryStateAndWaitInOrder() {
    when(billing.chargeOrder(any()))
        .thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.CHARGED);
    stockAndDeliverySucceed();
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    order.fundsAdded();
    SagaHarness.resultOf(order);

    List<StateChange> history = order.history();

    assertThat(history)
        .extracting(change -> change.state() + "/" + change.waitingFor())
        .containsExactly(
            "ValidatingBilling/null",
            "ValidatingBilling/FUNDS",
            "ValidatingStock/null",
            "ValidatingDelivery/null",
            "NotifyingSourceSystem/null");
    assertThat(history).extracting(StateChange::at).isSorted();
  }

  @Test
  void historyEndsWithTheCurrentStatusSoOneQueryTellsBoth() {
    when(billing.chargeOrder(any()))
        .thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS, ChargeOutcome.CHARGED);
    stockAndDeliverySucceed();
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));

    assertThat(currentOf(order.history())).isEqualTo(order.status());

    order.fundsAdded();
    SagaHarness.resultOf(order);

    assertThat(currentOf(order.history()))
        .isEqualTo(order.status())
        .isEqualTo(new OrderStatus(OrderState.NotifyingSourceSystem, null));
  }

  private static OrderStatus currentOf(List<StateChange> history) {
    return history.get(history.size() - 1).status();
  }

  @Test
  void publishesEventsWithDistinctIdsThatNameTheOrderAndBuyer() {
    when(billing.chargeOrder(any()))
        .thenReturn(
            ChargeOutcome.INSUFFICIENT_FUNDS,
            ChargeOutcome.INSUFFICIENT_FUNDS,
            ChargeOutcome.CHARGED);
    stockAndDeliverySucceed();
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
    order.fundsAdded();
    SagaHarness.awaitCondition(() -> published.size() >= 2);
    order.fundsAdded();
    SagaHarness.resultOf(order);

    Set<String> ids = published.stream().map(OrderEvent::eventId).collect(Collectors.toSet());
    assertThat(ids).hasSize(published.size());
    assertThat(published).allSatisfy(e -> assertThat(e.orderId()).isEqualTo(ORDER.orderId()));
    assertThat(published).allSatisfy(e -> assertThat(e.userId()).isEqualTo(ORDER.userId()));
    assertThat(saga.notifications())
        .startsWith(NotificationType.PAYMENT_FAILED, NotificationType.PAYMENT_FAILED);
  }

  @Test
  void chargesThePriceFixedAtOrderTimeFromTheBuyer() {
    everyStepSucceeds();

    saga.newOrder(ORDER).place(ORDER);

    var charge = ArgumentCaptor.forClass(dev.lotussaga.contracts.billing.ChargeOrder.class);
    verify(billing).chargeOrder(charge.capture());
    assertThat(charge.getValue().orderId()).isEqualTo(ORDER.orderId());
    assertThat(charge.getValue().userId()).isEqualTo(42L);
    assertThat(charge.getValue().amount()).isEqualByComparingTo("1500");
  }

  private void everyStepSucceeds() {
    when(billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    stockAndDeliverySucceed();
  }

  private void stockAndDeliverySucceed() {
    when(stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(delivery.bookCourier(any())).thenReturn(CourierBooking.booked(7, SLOT));
  }
}
