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
  void reservingTheLastUnitWakesTheNextOnlyWhenUnitsAreLeft() {
    ReserveStock first = order();
    ReserveStock second = order();
    ReserveStock third = order();
    activities.reserveStock(first);
    activities.reserveStock(second);
    activities.reserveStock(third);

    arrivals.add(product, 2);
    activities.reserveStock(first);

    assertThat(signalsTo(second)).isEqualTo(1);
    activities.reserveStock(second);
    assertThat(signalsTo(third)).as("no unit left for the third").isZero();
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
  void releasingReturnsTheUnitOnceAndWakesTheNextInLine() {
    arrivals.add(product, 1);
    ReserveStock holder = order();
    ReserveStock waiting = order();
    activities.reserveStock(holder);
    activities.reserveStock(waiting);

    activities.releaseStock(new ReleaseStock(holder.orderId(), product));
    activities.releaseStock(new ReleaseStock(holder.orderId(), product));

    assertThat(available()).isEqualTo(1);
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

  private int signalsTo(ReserveStock order) {
    return jdbc.queryForObject(
        "select count(*) from signal_outbox where workflow_id = ? and signal_name = ?",
        Integer.class,
        OrderWorkflowIds.workflowId(order.orderId()),
        OrderWorkflow.SIGNAL_STOCK_ADDED);
  }
}
