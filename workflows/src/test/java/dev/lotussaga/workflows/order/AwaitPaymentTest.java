package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowUpdateStage;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Placing an order can answer with its payment: the update awaitPayment, sent with the start,
 * answers once the charge was tried, and the same update id sent again gets the same answer.
 */
class AwaitPaymentTest {

  private final SagaHarness saga = new SagaHarness();

  @AfterEach
  void stop() {
    saga.close();
  }

  @Test
  void aPaidOrderAnswersThatItGoesOnToStock() throws Exception {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.OUT_OF_STOCK);

    OrderStatus answer = placeAwaitingPayment(order("paid"), "key-paid");

    assertThat(answer.state()).isEqualTo(OrderState.ValidatingStock);
  }

  @Test
  void anOrderShortOfMoneyAnswersThatItWaitsForFunds() throws Exception {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);

    OrderStatus answer = placeAwaitingPayment(order("short"), "key-short");

    assertThat(answer).isEqualTo(new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS));
  }

  @Test
  void theSameUpdateIdGetsTheSameAnswerAndStartsNothingNew() throws Exception {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.INSUFFICIENT_FUNDS);
    OrderRequest order = order("again");

    OrderStatus first = placeAwaitingPayment(order, "key-again");
    OrderStatus again = placeAwaitingPayment(order, "key-again");

    assertThat(again).isEqualTo(first);
    verify(saga.billing, times(1)).chargeOrder(any());
  }

  private OrderStatus placeAwaitingPayment(OrderRequest order, String updateId) throws Exception {
    OrderWorkflow workflow =
        saga.client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflowIds.workflowId(order.orderId()))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setWorkflowIdConflictPolicy(
                    WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                .build());
    return WorkflowClient.startUpdateWithStart(
            workflow::awaitPayment,
            UpdateOptions.<OrderStatus>newBuilder()
                .setUpdateId(updateId)
                .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                .build(),
            new WithStartWorkflowOperation<>(workflow::place, order))
        .getResultAsync(10, TimeUnit.SECONDS)
        .get();
  }

  private static OrderRequest order(String id) {
    return new OrderRequest(id, 42L, 2, new BigDecimal("500.00"));
  }
}
