package dev.lotussaga.stock.reservation;

import static dev.lotussaga.contracts.stock.ReservationOutcome.OUT_OF_STOCK;
import static dev.lotussaga.contracts.stock.ReservationOutcome.RESERVED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import dev.lotussaga.signals.WaitingLine;
import dev.lotussaga.stock.product.StockArrivals;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * Reserving against the real database: once per order, never below zero, first come first served.
 */
@SpringBootTest
@ActiveProfiles("test")
class UnitReserverTest {

  @Autowired StockActivitiesImpl activities;
  @Autowired StockArrivals arrivals;
  @Autowired JdbcTemplate jdbc;
  @Autowired TransactionTemplate transaction;
  @Autowired WaitingLine stockWaitingLine;

  private int product;

  @BeforeEach
  void newProductWithoutUnits() {
    product = ThreadLocalRandom.current().nextInt(1_000, Integer.MAX_VALUE);
    jdbc.update(
        "insert into product_stock (product_id, initial_units, available) values (?, 0, 0)",
        product);
  }

  @Test
  void reservingForTheSameOrderTwiceTakesOneUnit() {
    arrivals.add(product, 2);
    ReserveStock order = order();

    assertThat(activities.reserveStock(order)).isEqualTo(RESERVED);
    assertThat(activities.reserveStock(order)).isEqualTo(RESERVED);

    assertThat(available()).isEqualTo(1);
  }

  @Test
  void anOrderOutOfStockWaitsAndIsWokenWhenUnitsArrive() {
    ReserveStock order = order();

    assertThat(activities.reserveStock(order)).isEqualTo(OUT_OF_STOCK);
    assertThat(line()).containsExactly(order.orderId());

    arrivals.add(product, 1);

    assertThat(signalsTo(order)).isEqualTo(1);
    assertThat(activities.reserveStock(order)).isEqualTo(RESERVED);
    assertThat(line()).isEmpty();
    assertThat(available()).isZero();
  }

  @Test
  void arrivingUnitsGoToWaitingOrdersFirstComeFirstServed() {
    ReserveStock first = order();
    ReserveStock second = order();
    activities.reserveStock(first);
    activities.reserveStock(second);

    arrivals.add(product, 1);

    assertThat(signalsTo(first)).isEqualTo(1);
    assertThat(signalsTo(second)).isZero();
    assertThat(activities.reserveStock(second))
        .as("the second may not take the unit meant for the first")
        .isEqualTo(OUT_OF_STOCK);
    assertThat(activities.reserveStock(first)).isEqualTo(RESERVED);

    arrivals.add(product, 1);
    assertThat(signalsTo(second)).isEqualTo(1);
    assertThat(activities.reserveStock(second)).isEqualTo(RESERVED);
  }

  @Test
  void anArrivalHandsItsUnitsToTheFirstWaitingOrdersInLineOrder() {
    List<ReserveStock> waiting = IntStream.range(0, 5).mapToObj(i -> order()).toList();
    waiting.forEach(activities::reserveStock);

    arrivals.add(product, 3);

    assertThat(reserved()).containsExactlyInAnyOrderElementsOf(ids(waiting.subList(0, 3)));
    assertThat(line()).containsExactlyElementsOf(ids(waiting.subList(3, 5)));
    assertThat(available()).isZero();
    assertThat(signalledAmong(waiting))
        .as("the served ones woken, in line order")
        .containsExactlyElementsOf(
            ids(waiting.subList(0, 3)).stream().map(OrderWorkflowIds::workflowId).toList());
    waiting.subList(0, 3).forEach(o -> assertThat(activities.reserveStock(o)).isEqualTo(RESERVED));
    assertThat(activities.reserveStock(waiting.get(3))).isEqualTo(OUT_OF_STOCK);
    assertThat(available()).isZero();
  }

  @Test
  void anArrivalLargerThanTheLineServesItAllAndKeepsTheRest() {
    ReserveStock first = order();
    ReserveStock second = order();
    activities.reserveStock(first);
    activities.reserveStock(second);

    assertThat(arrivals.add(product, 5))
        .hasValueSatisfying(a -> assertThat(a.available()).isEqualTo(3));

    assertThat(reserved()).containsExactlyInAnyOrder(first.orderId(), second.orderId());
    assertThat(line()).isEmpty();
    assertThat(activities.reserveStock(order()))
        .as("a newcomer takes a unit left")
        .isEqualTo(RESERVED);
    assertThat(available()).isEqualTo(2);
  }

  @Test
  void aNewcomerServesALineLeftBesideUnitsBeforeItself() {
    ReserveStock waited = order();
    activities.reserveStock(waited);
    // as a line could stand beside units before arrivals served it
    jdbc.update("update product_stock set available = 1 where product_id = ?", product);

    ReserveStock newcomer = order();
    assertThat(activities.reserveStock(newcomer)).isEqualTo(OUT_OF_STOCK);

    assertThat(reserved()).containsExactly(waited.orderId());
    assertThat(signalsTo(waited)).isEqualTo(1);
    assertThat(line()).containsExactly(newcomer.orderId());
    assertThat(activities.reserveStock(waited)).isEqualTo(RESERVED);
  }

  @Test
  void concurrentReservationsNeverTakeMoreThanThereIs() throws Exception {
    arrivals.add(product, 4);
    List<Callable<ReservationOutcome>> reservations =
        IntStream.range(0, 10)
            .<Callable<ReservationOutcome>>mapToObj(i -> () -> activities.reserveStock(order()))
            .toList();

    ExecutorService pool = Executors.newFixedThreadPool(5);
    List<ReservationOutcome> outcomes;
    try {
      outcomes = pool.invokeAll(reservations).stream().map(UnitReserverTest::get).toList();
    } finally {
      pool.shutdown();
    }

    assertThat(outcomes).filteredOn(RESERVED::equals).hasSize(4);
    assertThat(available()).isZero();
  }

  @Test
  void anUnknownProductFailsWithoutRetries() {
    ReserveStock unknown = new ReserveStock(UUID.randomUUID().toString(), -product);

    assertThatThrownBy(() -> activities.reserveStock(unknown))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable());
  }

  private static <T> T get(java.util.concurrent.Future<T> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void releasingReturnsTheUnitOnceAndHandsItToTheNextInLine() {
    arrivals.add(product, 1);
    ReserveStock holder = order();
    ReserveStock waiting = order();
    activities.reserveStock(holder);
    activities.reserveStock(waiting);

    activities.releaseStock(new ReleaseStock(holder.orderId(), product));
    activities.releaseStock(new ReleaseStock(holder.orderId(), product));

    assertThat(reserved())
        .as("the holder's row stays (its cancelled_order returns the unit); the unit went on")
        .containsExactlyInAnyOrder(holder.orderId(), waiting.orderId());
    assertThat(available()).isZero();
    assertThat(signalsTo(waiting)).isEqualTo(1);
    assertThat(activities.reserveStock(waiting)).isEqualTo(RESERVED);
    assertThatThrownBy(() -> activities.reserveStock(holder))
        .isInstanceOf(ApplicationFailure.class)
        .matches(e -> ((ApplicationFailure) e).isNonRetryable());
    assertThat(available()).isZero();
  }

  @Test
  void releasingAWaitingOrderOnlyTakesItOutOfLine() {
    ReserveStock waiting = order();
    activities.reserveStock(waiting);

    activities.releaseStock(new ReleaseStock(waiting.orderId(), product));

    assertThat(line()).isEmpty();
    assertThat(available()).isZero();
  }

  private ReserveStock order() {
    return new ReserveStock(UUID.randomUUID().toString(), product);
  }

  private int available() {
    return jdbc.queryForObject(
        "select available from product_stock where product_id = ?", Integer.class, product);
  }

  private List<String> line() {
    return transaction.execute(status -> stockWaitingLine.orders(Integer.toString(product)));
  }

  private List<String> reserved() {
    return jdbc.queryForList(
        "select order_id from stock_reservation where product_id = ?", String.class, product);
  }

  /** The workflows of these orders that were signalled, in the outbox's (delivery) order. */
  private List<String> signalledAmong(List<ReserveStock> orders) {
    return jdbc.queryForList(
        "select workflow_id from signal_outbox where signal_name = ? and workflow_id = any (?)"
            + " order by id",
        String.class,
        OrderWorkflow.SIGNAL_STOCK_ADDED,
        ids(orders).stream().map(OrderWorkflowIds::workflowId).toArray(String[]::new));
  }

  private static List<String> ids(List<ReserveStock> orders) {
    return orders.stream().map(ReserveStock::orderId).toList();
  }

  private int signalsTo(ReserveStock order) {
    return jdbc.queryForObject(
        "select count(*) from signal_outbox where workflow_id = ? and signal_name = ?",
        Integer.class,
        OrderWorkflowIds.workflowId(order.orderId()),
        OrderWorkflow.SIGNAL_STOCK_ADDED);
  }
}
