package dev.lotussaga.gateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code lotus.orders.stuck}: orders whose step or compensation keeps failing now, by step (the
 * staff recovery queue), counted in the gateway's table when scraped ({@link CountedWhenScraped}).
 */
@Component
class OrdersStuck implements MeterBinder {

  static final String METRIC = "lotus.orders.stuck";
  static final List<String> STEPS =
      List.of(
          "charge", "reserve_stock", "book_courier", "refund", "release_stock", "release_courier");

  private final JdbcTemplate jdbc;
  private final CountedWhenScraped counts = new CountedWhenScraped(this::countNow);

  OrdersStuck(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (String step : STEPS) {
      Gauge.builder(METRIC, () -> counts.get(step))
          .description("Orders stuck on a step or compensation now, by step")
          .tag("step", step)
          .register(registry);
    }
  }

  private Map<String, Long> countNow() {
    return jdbc
        .query(
            "select stuck_step, count(*) from customer_order"
                + " where stuck_step is not null group by stuck_step",
            (row, i) -> Map.entry(row.getString(1), row.getLong(2)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }
}
