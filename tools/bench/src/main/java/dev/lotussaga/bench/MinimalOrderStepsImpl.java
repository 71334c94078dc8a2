package dev.lotussaga.bench;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.temporal.failure.ApplicationFailure;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import javax.sql.DataSource;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * The minimal saga's steps on its own tables (schema {@value MinimalSchema#SCHEMA}). A retried step
 * finds its effect's row and changes nothing; the event is published after the commit, again on a
 * retry, and its consumer drops a duplicate by its key.
 */
final class MinimalOrderStepsImpl implements MinimalOrderSteps {

  static final String TOPIC = "bench-minimal.order-events";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource db;
  private final Producer<String, String> events;

  MinimalOrderStepsImpl(DataSource db, Producer<String, String> events) {
    this.db = db;
    this.events = events;
  }

  @Override
  public void charge(MinimalOrder order) {
    step(
        order,
        "ORDER_PAID",
        tx -> {
          long balance =
              locked(
                  tx,
                  "select balance from bench_minimal.account where buyer = ? for update",
                  order.buyer());
          if (balance < order.price()) {
            throw ApplicationFailure.newNonRetryableFailure(
                "Not enough money for " + order.orderId(), "InsufficientFunds");
          }
          if (update(
                  tx,
                  "insert into bench_minimal.charge (order_id, buyer, amount) values (?, ?, ?)"
                      + " on conflict do nothing",
                  order.orderId(),
                  order.buyer(),
                  order.price())
              == 1) {
            update(
                tx,
                "update bench_minimal.account set balance = balance - ? where buyer = ?",
                order.price(),
                order.buyer());
          }
        });
  }

  @Override
  public void reserve(MinimalOrder order) {
    step(
        order,
        "STOCK_RESERVED",
        tx -> {
          long available =
              locked(
                  tx,
                  "select available from bench_minimal.product_stock where product = ? for update",
                  order.product());
          if (available < 1) {
            throw ApplicationFailure.newNonRetryableFailure(
                "Out of stock for " + order.orderId(), "OutOfStock");
          }
          if (update(
                  tx,
                  "insert into bench_minimal.reservation (order_id, product) values (?, ?)"
                      + " on conflict do nothing",
                  order.orderId(),
                  order.product())
              == 1) {
            update(
                tx,
                "update bench_minimal.product_stock set available = available - 1 where product = ?",
                order.product());
          }
        });
  }

  @Override
  public void book(MinimalOrder order) {
    step(
        order,
        "ORDER_IN_DELIVERY",
        tx -> {
          long free =
              locked(tx, "select free from bench_minimal.courier_pool where zone = 1 for update");
          if (free < 1) {
            throw ApplicationFailure.newNonRetryableFailure(
                "No courier for " + order.orderId(), "NoCourier");
          }
          if (update(
                  tx,
                  "insert into bench_minimal.courier_booking (order_id, zone) values (?, 1)"
                      + " on conflict do nothing",
                  order.orderId())
              == 1) {
            update(tx, "update bench_minimal.courier_pool set free = free - 1 where zone = 1");
          }
        });
  }

  @Override
  public void refund(MinimalOrder order) {
    transaction(
        tx -> {
          if (update(tx, "delete from bench_minimal.charge where order_id = ?", order.orderId())
              == 1) {
            update(
                tx,
                "update bench_minimal.account set balance = balance + ? where buyer = ?",
                order.price(),
                order.buyer());
          }
        });
  }

  @Override
  public void release(MinimalOrder order) {
    transaction(
        tx -> {
          if (update(
                  tx, "delete from bench_minimal.reservation where order_id = ?", order.orderId())
              == 1) {
            update(
                tx,
                "update bench_minimal.product_stock set available = available + 1 where product = ?",
                order.product());
          }
        });
  }

  @Override
  public void unbook(MinimalOrder order) {
    transaction(
        tx -> {
          if (update(
                  tx,
                  "delete from bench_minimal.courier_booking where order_id = ?",
                  order.orderId())
              == 1) {
            update(tx, "update bench_minimal.courier_pool set free = free + 1 where zone = 1");
          }
        });
  }

  private interface Work {
    void run(Connection tx) throws SQLException;
  }

  /** One transaction, then the event, published once the broker's replicas have it. */
  private void step(MinimalOrder order, String eventType, Work work) {
    transaction(work);
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventId", order.orderId() + ":" + eventType);
    event.put("orderId", order.orderId());
    event.put("buyer", order.buyer());
    event.put("type", eventType);
    event.put("at", System.currentTimeMillis());
    try {
      events
          .send(new ProducerRecord<>(TOPIC, order.orderId(), JSON.writeValueAsString(event)))
          .get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException | JsonProcessingException e) {
      throw new IllegalStateException("Could not publish " + event, e);
    }
  }

  private void transaction(Work work) {
    try (Connection tx = db.getConnection()) {
      tx.setAutoCommit(false);
      try {
        work.run(tx);
        tx.commit();
      } catch (SQLException | RuntimeException e) {
        tx.rollback();
        throw e;
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long locked(Connection tx, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepared(tx, sql, args);
        ResultSet row = statement.executeQuery()) {
      if (!row.next()) {
        throw new SQLException("No row for " + sql);
      }
      return row.getLong(1);
    }
  }

  private static int update(Connection tx, String sql, Object... args) throws SQLException {
    try (PreparedStatement statement = prepared(tx, sql, args)) {
      return statement.executeUpdate();
    }
  }

  private static PreparedStatement prepared(Connection tx, String sql, Object... args)
      throws SQLException {
    PreparedStatement statement = tx.prepareStatement(sql);
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
    return statement;
  }
}
