package dev.lotussaga.gateway.metrics;

import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Counts taken in the gateway's tables when the metrics are scraped, at most once per {@link
 * #FRESH_FOR}, however many gauges read them. Every gateway replica counts the same rows: aggregate
 * such gauges with max, not sum.
 */
final class CountedWhenScraped {

  static final Duration FRESH_FOR = Duration.ofSeconds(1);

  private final Supplier<Map<String, Long>> countNow;
  private Map<String, Long> counts = Map.of();
  private long countedAtNanos;
  private boolean counted;

  CountedWhenScraped(Supplier<Map<String, Long>> countNow) {
    this.countNow = countNow;
  }

  synchronized long get(String key) {
    long now = System.nanoTime();
    if (!counted || now - countedAtNanos > FRESH_FOR.toNanos()) {
      counts = countNow.get();
      countedAtNanos = now;
      counted = true;
    }
    return counts.getOrDefault(key, 0L);
  }
}
