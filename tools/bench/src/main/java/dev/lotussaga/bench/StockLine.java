package dev.lotussaga.bench;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the stack's tables say about one product's waiting orders, read only: the stock service's
 * line and reservations, the gateway's copy of each order's state. Nothing here depends on how the
 * stock service wakes its line.
 */
final class StockLine implements AutoCloseable {

  /** Gateway states past the stock step (a cancelled order is counted apart). */
  private static final String PAST_STOCK = "('ValidatingDelivery', 'NotifyingSourceSystem')";

  private final Connection db;
  private final int product;

  StockLine(BenchSettings settings, int product) throws SQLException {
    db =
        DriverManager.getConnection(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    db.setReadOnly(true);
    this.product = product;
  }

  BigDecimal price() throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select price from gateway.product where id = ?")) {
      query.setInt(1, product);
      try (ResultSet row = query.executeQuery()) {
        row.next();
        return row.getBigDecimal(1);
      }
    }
  }

  /** The orders in the product's line, first come first: the stock service's own order. */
  List<String> line() throws SQLException {
    List<String> line = new ArrayList<>();
    try (PreparedStatement query =
        db.prepareStatement(
            "select order_id from stock.waiting_line where resource_key = ? order by id")) {
      query.setString(1, Integer.toString(product));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          line.add(rows.getString(1));
        }
      }
    }
    return line;
  }

  long lineLength() throws SQLException {
    return count(
        "select count(*) from stock.waiting_line where resource_key = ?",
        Integer.toString(product));
  }

  /** Units of the product held by orders (the product is the bench's alone during the phase). */
  long reservations() throws SQLException {
    return count("select count(*) from stock.stock_reservation where product_id = ?", product);
  }

  /** The buyers' orders the gateway shows waiting for stock. */
  long waitingForStock(Long[] buyers) throws SQLException {
    return count(
        "select count(*) from gateway.customer_order where user_id = any(?)"
            + " and status = 'ValidatingStock' and waiting_for = 'STOCK'",
        array("bigint", buyers));
  }

  /** The buyers' orders the gateway shows past the stock step. */
  long pastStock(Long[] buyers) throws SQLException {
    return count(
        "select count(*) from gateway.customer_order where user_id = any(?) and status in "
            + PAST_STOCK,
        array("bigint", buyers));
  }

  long cancelled(Long[] buyers) throws SQLException {
    return count(
        "select count(*) from gateway.customer_order where user_id = any(?)"
            + " and status = 'Cancelled'",
        array("bigint", buyers));
  }

  /** When each of these orders got its unit ({@code stock_reservation.reserved_at}). */
  Map<String, Instant> reservedAt(List<String> orders) throws SQLException {
    return times(
        "select order_id, reserved_at from stock.stock_reservation where order_id = any(?)",
        orders);
  }

  /** When each of these orders went past the stock step, as the gateway recorded it. */
  Map<String, Instant> pastStockAt(List<String> orders) throws SQLException {
    return times(
        "select order_id, min(at) from gateway.order_state_change where order_id = any(?)"
            + " and status in "
            + PAST_STOCK
            + " group by order_id",
        orders);
  }

  long userId(String email) throws SQLException {
    return count("select id from gateway.app_user where email = ?", email);
  }

  private Map<String, Instant> times(String sql, List<String> orders) throws SQLException {
    Map<String, Instant> times = new HashMap<>();
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setArray(1, array("varchar", orders.toArray(String[]::new)));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          times.put(rows.getString(1), rows.getTimestamp(2).toInstant());
        }
      }
    }
    return times;
  }

  private Array array(String type, Object[] values) throws SQLException {
    return db.createArrayOf(type, values);
  }

  private long count(String sql, Object parameter) throws SQLException {
    try (PreparedStatement query = db.prepareStatement(sql)) {
      query.setObject(1, parameter);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no row for " + sql + " with " + parameter);
        }
        return row.getLong(1);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
