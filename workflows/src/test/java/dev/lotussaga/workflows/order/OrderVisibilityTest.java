package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionDescription;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.SearchAttributes;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Web UI and `temporal workflow list --query` see of an order while it runs. */
class OrderVisibilityTest {

  private static final OrderRequest ORDER =
      new OrderRequest("o-visible", 77L, 2, new BigDecimal("500.00"));

  private SagaHarness saga;

  @BeforeEach
  void startEnvironment() {
    saga = new SagaHarness();
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any()))
        .thenReturn(ReservationOutcome.OUT_OF_STOCK, ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.booked(4L, Instant.parse("2026-12-01T10:00:00Z")));
  }

  @AfterEach
  void stopEnvironment() {
    saga.close();
  }

  @Test
  void searchAttributesAndMemoFollowTheOrderThroughItsWait() {
    OrderWorkflow order = saga.start(ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));

    SearchAttributes waiting = describe().getTypedSearchAttributes();
    assertThat(waiting.get(OrderSearchAttributes.STATUS)).isEqualTo("ValidatingStock");
    assertThat(waiting.get(OrderSearchAttributes.WAITING_FOR)).isEqualTo("stock");
    assertThat(waiting.get(OrderSearchAttributes.USER_ID)).isEqualTo(77L);
    assertThat(waiting.get(OrderSearchAttributes.PRODUCT_ID)).isEqualTo(2L);
    assertThat(memo())
        .containsEntry("status", "ValidatingStock")
        .containsEntry("waitingFor", "STOCK");

    order.stockAdded();
    SagaHarness.resultOf(order);

    SearchAttributes done = describe().getTypedSearchAttributes();
    assertThat(done.get(OrderSearchAttributes.STATUS)).isEqualTo("NotifyingSourceSystem");
    assertThat(done.get(OrderSearchAttributes.WAITING_FOR)).isEqualTo("none");
    assertThat(memo())
        .containsEntry("orderId", ORDER.orderId())
        .containsEntry("status", "NotifyingSourceSystem")
        .containsEntry("waitingFor", null)
        .containsEntry("note", "Courier 4 delivers in the slot starting 2026-12-01T10:00:00Z");
  }

  @Test
  void anOrderStartedWithoutSearchAttributesRunsOnWithItsMemoOnly() {
    OrderWorkflow order =
        saga.client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflowIds.workflowId(ORDER.orderId()))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(order::place, ORDER);
    saga.awaitStatus(order, new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK));
    order.stockAdded();

    assertThat(SagaHarness.resultOf(order).state()).isEqualTo(OrderState.NotifyingSourceSystem);
    assertThat(describe().getTypedSearchAttributes().containsKey(OrderSearchAttributes.STATUS))
        .isFalse();
    assertThat(memo()).containsEntry("status", "NotifyingSourceSystem");
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
