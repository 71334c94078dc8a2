package dev.lotussaga.signals;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.util.function.ToDoubleFunction;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The service's outbox as gauges: {@code lotus_outbox_pending} (signals not delivered yet, parked
 * ones not included), {@code lotus_outbox_oldest_seconds} (age of the oldest of them, 0 when there
 * is none) and {@code lotus_outbox_dead} (signals parked after their last attempt, waiting for
 * staff). Counted in the table when the metrics are scraped, at most once per {@code freshFor}.
 * Tagged with the service ({@code spring.application.name}), as all three services report them.
 */
class OutboxBacklog implements MeterBinder {

  static final Duration FRESH_FOR = Duration.ofSeconds(1);

  private record Counts(double pending, double oldestSeconds, double dead) {}

  private final JdbcTemplate jdbc;
  private final String service;
  private final Duration freshFor;
  private Counts counts;
  private long countedAtNanos;

  OutboxBacklog(JdbcTemplate jdbc, String service, Duration freshFor) {
    this.jdbc = jdbc;
    this.service = service;
    this.freshFor = freshFor;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    register(registry, "lotus.outbox.pending", null, "Signals not delivered yet", Counts::pending);
    register(
        registry,
        "lotus.outbox.oldest",
        "seconds",
        "Age of the oldest signal not delivered yet, 0 when there is none",
        Counts::oldestSeconds);
    register(
        registry,
        "lotus.outbox.dead",
        null,
        "Signals parked after their last attempt, waiting for staff",
        Counts::dead);
  }

  private void register(
      MeterRegistry registry,
      String name,
      String unit,
      String description,
      ToDoubleFunction<Counts> value) {
    Gauge.builder(name, () -> value.applyAsDouble(counts()))
        .description(description)
        .baseUnit(unit)
        .tag("service", service)
        .register(registry);
  }

  private synchronized Counts counts() {
    long now = System.nanoTime();
    if (counts == null || now - countedAtNanos >= freshFor.toNanos()) {
      counts = countNow();
      countedAtNanos = now;
    }
    return counts;
  }

  private Counts countNow() {
    return jdbc.queryForObject(
        "select count(*) filter (where dead_at is null),"
            + " coalesce(extract(epoch from now() - min(created_at) filter (where dead_at is null)),"
            + " 0),"
            + " count(*) filter (where dead_at is not null)"
            + " from signal_outbox",
        (row, i) -> new Counts(row.getDouble(1), Math.max(0, row.getDouble(2)), row.getDouble(3)));
  }
}
