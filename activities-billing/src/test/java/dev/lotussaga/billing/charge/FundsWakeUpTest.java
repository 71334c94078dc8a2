package dev.lotussaga.billing.charge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.billing.account.Deposits;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.signals.WaitingLine;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/** A deposit reaches the waiting workflow through the outbox relay and Temporal. */
@SpringBootTest(
    properties = {
      "lotus.outbox.relay-enabled=true",
      "lotus.outbox.poll-interval=200ms",
      "spring.temporal.workers[0].task-queue=billing",
      "spring.temporal.workers[1].task-queue=" + OrderWorkflow.TASK_QUEUE,
      "spring.temporal.workers[1].workflow-classes="
          + "dev.lotussaga.billing.charge.WaitingOrderWorkflow"
    })
@ActiveProfiles("test")
// Its relay would otherwise keep running in the cached context and drain other tests' outboxes.
@DirtiesContext
class FundsWakeUpTest {

  @Autowired WorkflowClient workflows;
  @Autowired BillingActivitiesImpl activities;
  @Autowired Deposits deposits;
  @Autowired WaitingLine fundsWaitingLine;
  @Autowired TransactionTemplate transaction;
  @Autowired JdbcTemplate jdbc;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

  @Test
  void aDepositWakesTheWaitingOrderWorkflow() throws Exception {
    String orderId = UUID.randomUUID().toString();
    OrderWorkflow order =
        workflows.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflowIds.workflowId(orderId))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .build());
    WorkflowClient.start(order::place, new OrderRequest(orderId, buyer, 1, BigDecimal.TEN));
    assertThat(activities.chargeOrder(new ChargeOrder(orderId, buyer, BigDecimal.TEN)))
        .isEqualTo(ChargeOutcome.INSUFFICIENT_FUNDS);

    deposits.deposit(buyer, BigDecimal.TEN);

    OrderStatus result =
        WorkflowStub.fromTyped(order).getResultAsync(OrderStatus.class).get(10, TimeUnit.SECONDS);
    assertThat(result.state()).isEqualTo(OrderState.ValidatingStock);
  }

  @Test
  void ordersWhoseWorkflowsAreGoneKeepTheirPlaceWhileTheirSignalsLeaveTheOutbox() throws Exception {
    String goneFirst = UUID.randomUUID().toString();
    String goneSecond = UUID.randomUUID().toString();
    activities.chargeOrder(new ChargeOrder(goneFirst, buyer, BigDecimal.TEN));
    activities.chargeOrder(new ChargeOrder(goneSecond, buyer, BigDecimal.TEN));

    deposits.deposit(buyer, BigDecimal.ONE);

    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (pendingSignalsTo(goneFirst, goneSecond) > 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(pendingSignalsTo(goneFirst, goneSecond)).isZero();
    assertThat(line()).containsExactly(goneFirst, goneSecond);
  }

  private int pendingSignalsTo(String... orderIds) {
    return jdbc.queryForObject(
        "select count(*) from signal_outbox where workflow_id = any (?)",
        Integer.class,
        (Object) Arrays.stream(orderIds).map(OrderWorkflowIds::workflowId).toArray(String[]::new));
  }

  private List<String> line() {
    return transaction.execute(status -> fundsWaitingLine.orders(Long.toString(buyer)));
  }
}
