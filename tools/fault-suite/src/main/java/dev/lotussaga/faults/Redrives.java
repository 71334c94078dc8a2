package dev.lotussaga.faults;

import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;

/**
 * How many orders the gateway re-drove, two ways: the orders whose {@code run_generation} is above
 * 1 (every re-drive so far, across gateway restarts), and the gateway's own counter {@code
 * lotus_orders_redriven_total} (re-drives since its last start, so a killed gateway starts it
 * again). Either is {@code null} where the gateway does not have it.
 */
final class Redrives {

  record Count(Long orders, Double counter) {}

  private static final String COUNTER = "lotus_orders_redriven_total";
  private static final String UNDEFINED_COLUMN = "42703";

  private final Database database;
  private final URI metrics;
  private final PrometheusPages prometheus = new PrometheusPages(Duration.ofSeconds(10));

  Redrives(Database database, URI gateway) {
    this.database = database;
    this.metrics = gateway.resolve("/actuator/prometheus");
  }

  Count count() throws SQLException, InterruptedException {
    return new Count(ordersRedriven(), prometheus.sum(metrics, COUNTER));
  }

  private Long ordersRedriven() throws SQLException {
    try {
      return database.count("select count(*) from gateway.customer_order where run_generation > 1");
    } catch (SQLException e) {
      if (UNDEFINED_COLUMN.equals(e.getSQLState())) {
        return null;
      }
      throw e;
    }
  }
}
