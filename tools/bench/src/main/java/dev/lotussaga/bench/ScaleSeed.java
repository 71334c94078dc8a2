package dev.lotussaga.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * Writes finished orders straight into the stack's database, as the gateway and the notification
 * service would have stored them: each order with its four state changes and three notifications,
 * one {@code insert … select … from generate_series} per table. Every seeded order is final
 * (delivered, or cancelled one in ten) and marked started ({@code workflow_started}), as a finished
 * order's workflow was: the gateway starts every order not marked so (about 20 a second), which
 * would run thousands of needless workflows. No workflow of theirs exists, so no sweep re-drives
 * them (they are final) and the gateway answers for them from its stored copy once Temporal says it
 * does not know them. Seeded users are named {@code scale-…@bench.local}, seeded orders {@code
 * 5ca1e000-…}.
 */
final class ScaleSeed implements AutoCloseable {

  private static final String CROWD_EMAILS = "scale-%@bench.local";

  // The gateway takes only UUIDs for order ids: "5ca1e" (scale) marks the seeded ones.
  private static final String CROWD_ORDER_PREFIX = "5ca1e000-0000-4000-8000-";
  private static final String BUYER_ORDER_PREFIX = "5ca1e000-";

  /** The id {@link #ordersOf} gives a buyer's {@code k}-th order. */
  static String buyerOrderId(long userId, int k) {
    return String.format(Locale.ROOT, "%s%04x-4000-b000-%012x", BUYER_ORDER_PREFIX, userId, k);
  }

  private final Connection db;

  ScaleSeed(BenchSettings settings) throws SQLException {
    db =
        DriverManager.getConnection(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    try (Statement session = db.createStatement()) {
      // Seeded rows are lost with the run anyway: no need to wait for the WAL at each statement.
      session.execute("set synchronous_commit = off");
      session.execute("set work_mem = '64MB'");
    }
  }

  /** The buyers who own the crowd's orders; they never log in. */
  void crowd(int users) throws SQLException {
    update(
        "insert into gateway.app_user (email, password_hash, role)"
            + " select 'scale-' || u || '@bench.local', '!seeded, no password', 'USER'"
            + " from generate_series(1, ?) u",
        users);
  }

  /** The gateway's id of a buyer who registered through the API. */
  long userId(String email) throws SQLException {
    try (PreparedStatement query =
        db.prepareStatement("select id from gateway.app_user where email = ?")) {
      query.setString(1, email);
      try (ResultSet row = query.executeQuery()) {
        if (!row.next()) {
          throw new IllegalStateException("no user " + email);
        }
        return row.getLong(1);
      }
    }
  }

  /** {@code orders} orders of one buyer, an hour apart, the newest an hour old. */
  void ordersOf(long userId, int orders) throws SQLException {
    seed(
        "select k as n, '"
            + BUYER_ORDER_PREFIX
            + "' || lpad(to_hex("
            + userId
            + "), 4, '0') || '-4000-b000-' || lpad(to_hex(k), 12, '0') as order_id, "
            + userId
            + "::bigint as user_id, now() - k * interval '1 hour' as created_at"
            + " from generate_series(1, "
            + orders
            + ") k");
  }

  /**
   * Orders number {@code from} to {@code to} of the crowd, each owned by one of its buyers in turn,
   * a minute apart going back in time.
   */
  void crowdOrders(long from, long to) throws SQLException {
    if (to < from) {
      return;
    }
    seed(
        "with crowd as (select id, row_number() over (order by id) - 1 as k"
            + " from gateway.app_user where email like '"
            + CROWD_EMAILS
            + "'), users as (select count(*) as n from crowd)"
            + " select g as n, '"
            + CROWD_ORDER_PREFIX
            + "' || lpad(to_hex(g), 12, '0') as order_id, crowd.id as user_id,"
            + " now() - g * interval '1 minute' as created_at"
            + " from generate_series("
            + from
            + "::bigint, "
            + to
            + "::bigint) g cross join users join crowd on crowd.k = g % users.n");
  }

  /** Fresh planner statistics for the tables seeded, as autovacuum would gather them later. */
  void analyze() throws SQLException {
    try (Statement statement = db.createStatement()) {
      statement.execute("analyze gateway.app_user");
      statement.execute("analyze gateway.customer_order");
      statement.execute("analyze gateway.order_state_change");
      statement.execute("analyze notification.notification");
    }
  }

  long orderCount() throws SQLException {
    try (Statement statement = db.createStatement();
        ResultSet row = statement.executeQuery("select count(*) from gateway.customer_order")) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * The three inserts for the orders {@code orders} selects: columns n (picks the product and
   * whether it was cancelled), order_id, user_id, created_at.
   */
  private void seed(String orders) throws SQLException {
    String cancelled = "o.n % 10 = 0";
    String finalState =
        "case when " + cancelled + " then 'Cancelled' else 'NotifyingSourceSystem' end";
    update(
        "insert into gateway.customer_order (order_id, user_id, product_id, price, status,"
            + " status_at, workflow_started, created_at)"
            + " select o.order_id, o.user_id, p.id, p.price, "
            + finalState
            + ", o.created_at + interval '20 seconds', true, o.created_at"
            + " from ("
            + orders
            + ") o join gateway.product p on p.id = 1 + (o.n % 3)::int");
    update(
        "insert into gateway.order_state_change (event_id, order_id, status, at)"
            + " select o.order_id || '-' || s, o.order_id,"
            + " case s when 1 then 'ValidatingBilling' when 2 then 'ValidatingStock'"
            + " when 3 then 'ValidatingDelivery' else "
            + finalState
            + " end, o.created_at + s * interval '5 seconds'"
            + " from ("
            + orders
            + ") o cross join generate_series(1, 4) s");
    update(
        "insert into notification.notification (event_id, order_id, user_id, type, message,"
            + " created_at)"
            + " select o.order_id || '-' || s, o.order_id, o.user_id,"
            + " case s when 1 then 'ORDER_PAID' when 2 then 'STOCK_RESERVED'"
            + " else case when "
            + cancelled
            + " then 'ORDER_CANCELLED' else 'ORDER_IN_DELIVERY' end end,"
            + " 'Seeded by the bench: step ' || s || ' of order ' || o.order_id,"
            + " o.created_at + s * interval '5 seconds'"
            + " from ("
            + orders
            + ") o cross join generate_series(1, 3) s");
    // The gateway counts orders as they finish (its gauge of orders by state reads the counts):
    // the seeded ones, finished already, are counted here.
    update(
        "insert into gateway.finished_order_count (status, shard, orders)"
            + " select "
            + finalState
            + ", 0, count(*) from ("
            + orders
            + ") o group by 1"
            + " on conflict (status, shard) do update"
            + " set orders = gateway.finished_order_count.orders + excluded.orders");
  }

  private void update(String sql, Object... parameters) throws SQLException {
    try (PreparedStatement statement = db.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.executeUpdate();
    }
  }

  @Override
  public void close() throws SQLException {
    db.close();
  }
}
