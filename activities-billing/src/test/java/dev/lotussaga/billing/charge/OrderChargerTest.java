package dev.lotussaga.billing.charge;

import static dev.lotussaga.contracts.billing.ChargeOutcome.CHARGED;
import static dev.lotussaga.contracts.billing.ChargeOutcome.INSUFFICIENT_FUNDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lotussaga.billing.account.Deposits;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.signals.WaitingLine;
import io.temporal.failure.ApplicationFailure;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Charging against the real database: once per order, never below zero, first come first served.
 */
@SpringBootTest
@ActiveProfiles("test")
class OrderChargerTest {

  @Autowired BillingActivitiesImpl activities;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired WaitingLine fundsWaitingLine;
  @Autowired Deposits deposits;

  private long buyer;

  @BeforeEach
  void newBuyer() {
    buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  }

  @Test
  void chargingTheSameOrderTwiceTakesTheMoneyOnce() {
    deposits.deposit(buyer, new BigDecimal("300"));
    ChargeOrder order = order("100");

    assertThat(activities.chargeOrder(order)).isEqualTo(CHARGED);
    assertThat(activities.chargeOrder(order)).isEqualTo(CHARGED);

    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("200");
    assertThat(chargesOf(buyer)).isEqualTo(1);
  }

  @Test
  void anOrderThatCannotBePaidWaitsAndIsWokenByTheNextDeposit() {
    ChargeOrder order = order("500");

    assertThat(activities.chargeOrder(order)).isEqualTo(INSUFFICIENT_FUNDS);
    assertThat(line()).containsExactly(order.orderId());
    assertThat(signalsTo(order)).isZero();

    deposits.deposit(buyer, new BigDecimal("500"));

    assertThat(signalsTo(order)).isEqualTo(1);
    assertThat(activities.chargeOrder(order)).isEqualTo(CHARGED);
    assertThat(line()).isEmpty();
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("0");
  }

  @Test
  void waitingOrdersAreServedFirstComeFirstServed() {
    ChargeOrder first = order("300");
    ChargeOrder second = order("100");
    activities.chargeOrder(first);
    activities.chargeOrder(second);
    assertThat(line()).containsExactly(first.orderId(), second.orderId());

    deposits.deposit(buyer, new BigDecimal("150"));

    assertThat(signalsTo(first)).isEqualTo(1);
    assertThat(signalsTo(second)).as("only the first in line is woken").isZero();
    assertThat(activities.chargeOrder(second))
        .as("the second may not jump the line although the balance covers it")
        .isEqualTo(INSUFFICIENT_FUNDS);

    deposits.deposit(buyer, new BigDecimal("250"));
    assertThat(activities.chargeOrder(first)).isEqualTo(CHARGED);

    assertThat(signalsTo(second)).as("paying the first wakes the next").isEqualTo(1);
    assertThat(activities.chargeOrder(second)).isEqualTo(CHARGED);
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("0");
    assertThat(line()).isEmpty();
  }

  @Test
  void concurrentChargesNeverOverdrawTheBalance() throws Exception {
    deposits.deposit(buyer, new BigDecimal("500"));
    List<Callable<ChargeOutcome>> charges =
        IntStream.range(0, 12)
            .<Callable<ChargeOutcome>>mapToObj(i -> () -> activities.chargeOrder(order("100")))
            .toList();

    ExecutorService pool = Executors.newFixedThreadPool(6);
    List<ChargeOutcome> outcomes;
    try {
      outcomes = pool.invokeAll(charges).stream().map(OrderChargerTest::get).toList();
    } finally {
      pool.shutdown();
    }

    assertThat(outcomes).filteredOn(CHARGED::equals).hasSize(5);
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("0");
    assertThat(chargesOf(buyer)).isEqualTo(5);
  }

  @Test
  void anOrderWhoseWorkflowIsGoneKeepsItsPlaceAndPaysFirstWhenRedriven() {
    ChargeOrder lost = order("100");
    ChargeOrder next = order("100");
    activities.chargeOrder(lost);
    activities.chargeOrder(next);
    deposits.deposit(buyer, new BigDecimal("100"));

    assertThat(activities.chargeOrder(next)).isEqualTo(INSUFFICIENT_FUNDS);
    assertThat(line()).containsExactly(lost.orderId(), next.orderId());
    assertThat(activities.chargeOrder(lost)).isEqualTo(CHARGED);
    assertThat(line()).containsExactly(next.orderId());
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("0");
  }

  @Test
  void refundingGivesTheChargeBackOnceAndBarsTheOrder() {
    deposits.deposit(buyer, new BigDecimal("300"));
    ChargeOrder order = order("100");
    activities.chargeOrder(order);

    activities.refundOrder(new RefundOrder(order.orderId(), buyer));
    activities.refundOrder(new RefundOrder(order.orderId(), buyer));

    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("300");
    assertThatThrownBy(() -> activities.chargeOrder(order))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable());
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("300");
  }

  @Test
  void cancellingAWaitingOrderLetsTheNextOneInLinePay() {
    ChargeOrder first = order("300");
    ChargeOrder second = order("100");
    activities.chargeOrder(first);
    activities.chargeOrder(second);
    deposits.deposit(buyer, new BigDecimal("100"));

    activities.refundOrder(new RefundOrder(first.orderId(), buyer));

    assertThat(line()).containsExactly(second.orderId());
    assertThat(signalsTo(second)).isEqualTo(1);
    assertThat(activities.chargeOrder(second)).isEqualTo(CHARGED);
    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("0");
  }

  @Test
  void refundingAnOrderThatWasNeverChargedGivesNothing() {
    deposits.deposit(buyer, new BigDecimal("50"));
    ChargeOrder order = order("100");
    activities.chargeOrder(order);

    activities.refundOrder(new RefundOrder(order.orderId(), buyer));

    assertThat(deposits.balanceOf(buyer)).isEqualByComparingTo("50");
    assertThat(line()).isEmpty();
  }

  private ChargeOrder order(String amount) {
    return new ChargeOrder(UUID.randomUUID().toString(), buyer, new BigDecimal(amount));
  }

  private List<String> line() {
    return transaction.execute(status -> fundsWaitingLine.orders(Long.toString(buyer)));
  }

  private int signalsTo(ChargeOrder order) {
    return jdbc.queryForObject(
        "select count(*) from signal_outbox where workflow_id = ? and signal_name = ?",
        Integer.class,
        OrderWorkflowIds.workflowId(order.orderId()),
        OrderWorkflow.SIGNAL_FUNDS_ADDED);
  }

  private int chargesOf(long userId) {
    return jdbc.queryForObject(
        "select count(*) from order_charge where user_id = ?", Integer.class, userId);
  }

  private static <T> T get(Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }
}
