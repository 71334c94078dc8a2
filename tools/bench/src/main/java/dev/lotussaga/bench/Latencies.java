package dev.lotussaga.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/** Recorded durations, thread-safe; percentiles by nearest rank. */
final class Latencies {

  private final List<Long> micros = Collections.synchronizedList(new ArrayList<>());

  void record(Duration duration) {
    micros.add(duration.toNanos() / 1_000);
  }

  void addAll(Latencies other) {
    List<Long> copy;
    synchronized (other.micros) {
      copy = new ArrayList<>(other.micros);
    }
    micros.addAll(copy);
  }

  int count() {
    return micros.size();
  }

  double percentileMillis(double percentile) {
    List<Long> sorted;
    synchronized (micros) {
      sorted = new ArrayList<>(micros);
    }
    if (sorted.isEmpty()) {
      return Double.NaN;
    }
    Collections.sort(sorted);
    int rank = (int) Math.ceil(percentile / 100.0 * sorted.size());
    return sorted.get(Math.max(0, rank - 1)) / 1000.0;
  }

  Map<String, Double> summary() {
    return Map.of(
        "p50", percentileMillis(50),
        "p95", percentileMillis(95),
        "p99", percentileMillis(99),
        "max", percentileMillis(100));
  }
}
