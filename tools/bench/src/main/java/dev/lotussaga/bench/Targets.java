package dev.lotussaga.bench;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Issue #18's four targets: our saga against the minimal saga, each MET or MISSED. */
final class Targets {

  /** One side's figures that the targets compare; NaN where not measured. */
  record Figures(
      double cpuMillisPerOrder,
      double ordersPerSecond,
      double endToEndP50AtRate,
      double placeP99AtRate) {}

  /** {@code ratio} is ours over the minimal saga's; {@code atMost}: the ratio is a ceiling. */
  record Target(String name, double saga, double minimal, double limit, boolean atMost) {

    double ratio() {
      return saga / minimal;
    }

    String verdict() {
      double ratio = ratio();
      if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
        return "NOT MEASURED";
      }
      return (atMost ? ratio <= limit : ratio >= limit) ? "MET" : "MISSED";
    }

    String line() {
      return String.format(
          Locale.ROOT,
          "  %-46s %9.1f %9.1f %7.2f  (%s %.2f)  %s",
          name,
          saga,
          minimal,
          ratio(),
          atMost ? "<=" : ">=",
          limit,
          verdict());
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("target", name);
      json.put("saga", saga);
      json.put("minimal", minimal);
      json.put("ratio", ratio());
      json.put("limit", (atMost ? "<= " : ">= ") + limit);
      json.put("verdict", verdict());
      return json;
    }
  }

  private Targets() {}

  static List<Target> compare(Figures saga, Figures minimal) {
    return List.of(
        new Target(
            "CPU per completed order (ms)",
            saga.cpuMillisPerOrder(),
            minimal.cpuMillisPerOrder(),
            1.5,
            true),
        new Target(
            "completed orders/s, saturated",
            saga.ordersPerSecond(),
            minimal.ordersPerSecond(),
            0.67,
            false),
        new Target(
            "end-to-end p50 at the fixed rate (ms)",
            saga.endToEndP50AtRate(),
            minimal.endToEndP50AtRate(),
            1.3,
            true),
        new Target(
            "place p99 / minimal start p99, fixed rate (ms)",
            saga.placeP99AtRate(),
            minimal.placeP99AtRate(),
            1.5,
            true));
  }
}
