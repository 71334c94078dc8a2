package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doNothing;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;

/** A step or compensation that keeps failing is shown, kept trying, and handed to staff. */
class StuckStepTest {

  /** Three attempts a round, so that the rounds are short on the test server. */
  private static final OrderRequest ORDER =
      new OrderRequest("s-1", 5L, 2, new BigDecimal("500.00"), WaitLimits.DEFAULT, null, 3);

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
  void aStepThatKeepsFailingShowsTheOrderStuckAndGoesOnOnceItWorks() {
    IllegalStateException down = new IllegalStateException("billing database down");
    when(saga.billing.chargeOrder(any()))
        .thenThrow(down, down, down, down)
        .thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);
    OrderWorkflow order = saga.start(ORDER);

    saga.env.sleep(Duration.ofMinutes(5)); // two rounds of attempts and the pause between them
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));

    List<StuckStep> shown = saga.published.stream().map(OrderEvent::stuck).toList();
    StuckStep stuck = shown.stream().filter(Objects::nonNull).findFirst().orElseThrow();
    assertThat(stuck.step()).isEqualTo("charge");
    assertThat(stuck.attempts()).isEqualTo(3);
    assertThat(stuck.lastError()).contains("billing database down");
    assertThat(stuck.waitsForStaff()).isFalse();
    assertThat(saga.published.get(1).stuck()).isNull();
    assertThat(saga.published.get(1).message()).isEqualTo("No longer stuck");
    assertThat(memo()).doesNotContainKey("stuck");
    verify(saga.billing, times(5)).chargeOrder(any());
  }

  @Test
  void aCompensationThatFailsForGoodWaitsForStaffWhoResolveItByHand() {
    OrderWorkflow order = cancelledWhileWaitingForStockWithARefundThatFailsForGood();

    SagaHarness.awaitCondition(() -> stuckOn().equals("refund"));
    assertThat(stuckOn()).isEqualTo("refund");
    assertThat(memo()).containsKey("stuck");
    StuckStep stuck = saga.lastEvent().stuck();
    assertThat(stuck.waitsForStaff()).isTrue();
    assertThat(stuck.attempts()).isEqualTo(1);
    assertThat(stuck.lastError()).isEqualTo("AccountClosed: the buyer's account is closed");

    assertThatThrownBy(() -> order.resolveStuck(new StuckResolution(" ", "staff@lotus.local")))
        .isInstanceOf(WorkflowUpdateException.class);
    StuckStep resolved =
        order.resolveStuck(new StuckResolution("refunded by bank transfer", "staff@lotus.local"));

    assertThat(resolved.step()).isEqualTo("refund");
    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message())
        .isEqualTo(
            "Order cancelled: changed my mind (refund resolved by hand by staff@lotus.local:"
                + " refunded by bank transfer)");
    assertThat(stuckOn()).isEqualTo("none");
    verify(saga.billing, times(1)).refundOrder(any());
  }

  @Test
  void staffCanRetryAStuckCompensationNow() {
    OrderWorkflow order = cancelledWhileWaitingForStockWithARefundThatFailsForGood();
    SagaHarness.awaitCondition(() -> stuckOn().equals("refund"));
    doNothing().when(saga.billing).refundOrder(any());

    order.retryStuck();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
    assertThat(saga.lastEvent().message()).isEqualTo("Order cancelled: changed my mind");
    verify(saga.billing, times(2)).refundOrder(any());
  }

  @Test
  void onlyAStuckCompensationCanBeResolvedByHand() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));

    assertThatThrownBy(
            () -> order.resolveStuck(new StuckResolution("just because", "staff@lotus.local")))
        .isInstanceOf(WorkflowUpdateException.class)
        .rootCause()
        .hasMessageContaining("The order is not stuck on a compensation");
    order.cancel("test over");
    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.Cancelled);
  }

  private OrderWorkflow cancelledWhileWaitingForStockWithARefundThatFailsForGood() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);
    doThrow(
            ApplicationFailure.newNonRetryableFailure(
                "the buyer's account is closed", "AccountClosed"))
        .when(saga.billing)
        .refundOrder(any());
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));
    order.cancel("changed my mind");
    return order;
  }

  private String stuckOn() {
    String shown = describe().getTypedSearchAttributes().get(OrderSearchAttributes.STUCK);
    return shown == null ? "" : shown;
  }

  private WorkflowExecutionDescription describe() {
    return saga.client
        .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(ORDER.orderId()))
        .describe();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> memo() {
    return (Map<String, Object>) describe().getMemo(OrderVisibility.MEMO_KEY, Map.class);
  }
}
