package dev.lotussaga.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #18's reads as the data grows: each read's p99 with the large table over its p99 with the
 * small one, MET when the ratio stays within {@link #LIMIT}.
 */
final class ScaleTable {

  /** Each read's p99 at the large size may be at most this many times its p99 at the small size. */
  static final double LIMIT = 1.2;

  /** One read's p99 (ms) at both sizes; NaN where not measured. */
  record Row(String read, double smallP99, double largeP99) {

    double ratio() {
      return largeP99 / smallP99;
    }

    String verdict() {
      double ratio = ratio();
      if (Double.isNaN(ratio) || Double.isInfinite(ratio)) {
        return "NOT MEASURED";
      }
      return ratio <= LIMIT ? "MET" : "MISSED";
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("read", read);
      json.put("smallP99Millis", smallP99);
      json.put("largeP99Millis", largeP99);
      json.put("ratio", ratio());
      json.put("limit", "<= " + LIMIT);
      json.put("verdict", verdict());
      return json;
    }
  }

  private final String small;
  private final String large;
  private final List<Row> rows = new ArrayList<>();

  /** {@code small} and {@code large} name the two sizes in the header, e.g. "1k" and "1M". */
  ScaleTable(String small, String large) {
    this.small = small;
    this.large = large;
  }

  void add(String read, double smallP99, double largeP99) {
    rows.add(new Row(read, smallP99, largeP99));
  }

  List<Row> rows() {
    return List.copyOf(rows);
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "%-44s %11s %11s %7s  %-8s %s",
            "read (p99, ms)",
            "at " + small,
            "at " + large,
            "ratio",
            "target",
            "verdict"));
    for (Row row : rows) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-42s %11.1f %11.1f %7.2f  <= %.1f   %s",
              row.read(),
              row.smallP99(),
              row.largeP99(),
              row.ratio(),
              LIMIT,
              row.verdict()));
    }
    return lines;
  }

  List<Map<String, Object>> json() {
    return rows.stream().map(Row::json).toList();
  }
}
