package dev.lotussaga.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Prints the table and the ratios, and writes the raw figures (JSON) and a chart (SVG). */
final class Report {

  static final String TEMPORAL_PROCESS = "local-stack";
  static final String BASELINE_PROCESS = "bench (client, worker)";
  private static final String TOTAL = "total";

  private final Map<String, Object> raw = new LinkedHashMap<>();
  private Map<String, Double> sagaCpu = Map.of();
  private Map<String, Double> baselineCpu = Map.of();
  private final Map<String, Latencies> series = new LinkedHashMap<>();
  private final StringBuilder text = new StringBuilder();

  Report(BenchSettings settings) {
    raw.put("at", Instant.now().toString());
    raw.put(
        "settings",
        Map.of(
            "users", settings.users(),
            "clients", settings.clients(),
            "warmUpSeconds", settings.warmUp().toSeconds(),
            "sagaSeconds", settings.duration().toSeconds(),
            "baselineSeconds", settings.baselineDuration().toSeconds()));
  }

  void saga(SagaLoad.Result saga) {
    series.put("saga place (HTTP 202)", saga.place());
    series.put("saga end to end (place -> ORDER_IN_DELIVERY stored)", saga.endToEnd());
    raw.put(
        "saga",
        Map.of(
            "completed", saga.completed(),
            "errors", saga.errors(),
            "perSecond", saga.perSecond(),
            "placeMillis", saga.place().summary(),
            "endToEndMillis", saga.endToEnd().summary()));
  }

  void baseline(Baseline.Result baseline) {
    series.put("baseline start (client)", baseline.start());
    series.put("baseline start -> completion", baseline.completion());
    raw.put(
        "baseline",
        Map.of(
            "completed", baseline.completed(),
            "errors", baseline.errors(),
            "perSecond", baseline.perSecond(),
            "startMillis", baseline.start().summary(),
            "completionMillis", baseline.completion().summary()));
  }

  void memory(Map<String, Long> first, Map<String, Long> last) {
    raw.put("rssMegabytes", Map.of("atStart", first, "atEnd", last));
    line("");
    line("resident memory (MB)       at start   at end");
    first.forEach(
        (name, mb) ->
            line(String.format(Locale.ROOT, "  %-24s %8d %8d", name, mb, last.get(name))));
  }

  /** Where the time goes: CPU milliseconds each process spent per completed order. */
  void cpuPerOrder(Map<String, Double> first, Map<String, Double> last, int orders) {
    line("");
    line("CPU per completed order (ms)");
    sagaCpu = cpuPer(first, last, orders, "all of the stack");
    raw.put("cpuMillisPerOrder", sagaCpu);
  }

  /** The same for the baseline: its Temporal server and its client and worker. */
  void cpuPerBaselineWorkflow(Map<String, Double> first, Map<String, Double> last, int workflows) {
    line("");
    line("CPU per completed baseline workflow (ms)");
    baselineCpu = cpuPer(first, last, workflows, "all of the baseline");
    raw.put("cpuMillisPerBaselineWorkflow", baselineCpu);
  }

  private Map<String, Double> cpuPer(
      Map<String, Double> first, Map<String, Double> last, int count, String totalName) {
    Map<String, Double> per = new LinkedHashMap<>();
    double total = 0;
    for (var entry : first.entrySet()) {
      double ms = (last.get(entry.getKey()) - entry.getValue()) * 1000 / Math.max(1, count);
      per.put(entry.getKey(), ms);
      total += ms;
      line(String.format(Locale.ROOT, "  %-24s %8.1f", entry.getKey(), ms));
    }
    line(String.format(Locale.ROOT, "  %-24s %8.1f", totalName, total));
    per.put(TOTAL, total);
    return per;
  }

  void print(SagaLoad.Result saga, Baseline.Result baseline) {
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            Locale.ROOT,
            "%-54s %7s %8s %8s %8s %8s%n",
            "latency (ms)",
            "count",
            "p50",
            "p95",
            "p99",
            "max"));
    series.forEach(
        (name, l) ->
            table.append(
                String.format(
                    Locale.ROOT,
                    "%-54s %7d %8.1f %8.1f %8.1f %8.1f%n",
                    name,
                    l.count(),
                    l.percentileMillis(50),
                    l.percentileMillis(95),
                    l.percentileMillis(99),
                    l.percentileMillis(100))));
    table.append(
        String.format(
            Locale.ROOT,
            "%nthroughput: saga %.1f orders/s (%d errors), baseline %.1f workflows/s (%d errors)%n",
            saga.perSecond(),
            saga.errors(),
            baseline.perSecond(),
            baseline.errors()));
    double e2e = saga.endToEnd().percentileMillis(50) / baseline.completion().percentileMillis(50);
    double place = saga.place().percentileMillis(99) / baseline.start().percentileMillis(99);
    double rate = saga.perSecond() / baseline.perSecond();
    table.append(String.format(Locale.ROOT, "%nratios (target):%n"));
    table.append(ratio("saga end-to-end p50 / baseline p50", e2e, "<= 1.30", e2e <= 1.3));
    table.append(ratio("place p99 / baseline start p99", place, "<= 1.50", place <= 1.5));
    table.append(ratio("saga orders/s / baseline workflows/s", rate, ">= 0.50", rate >= 0.5));
    Map<String, Double> ratios =
        new LinkedHashMap<>(Map.of("endToEndP50", e2e, "placeP99", place, "throughput", rate));
    if (sagaCpu.containsKey(TOTAL) && baselineCpu.containsKey(TOTAL)) {
      double cpu = sagaCpu.get(TOTAL) / baselineCpu.get(TOTAL);
      table.append(
          String.format(
              Locale.ROOT,
              "  %-40s %6.2f  (no target; docs/benchmark.md)%n",
              "CPU per order / per baseline workflow",
              cpu));
      ratios.put("cpuPerOrder", cpu);
    }
    raw.put("ratios", ratios);
    text.insert(0, table);
    System.out.println(text);
  }

  private void line(String s) {
    text.append(s).append('\n');
  }

  private static String ratio(String name, double value, String target, boolean met) {
    return String.format(
        Locale.ROOT, "  %-40s %6.2f  (%s) %s%n", name, value, target, met ? "met" : "MISSED");
  }

  void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    String stamp = Instant.now().toString().replace(":", "").replace(".", "");
    Path json = folder.resolve("bench-" + stamp + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), raw);
    Path svg = folder.resolve("bench-" + stamp + ".svg");
    Files.writeString(svg, chart());
    System.out.println("raw results: " + json + "\nchart:       " + svg);
  }

  /** Horizontal bars of p50, p95 and p99 for each series, on one linear scale. */
  private String chart() {
    double max = 1;
    for (Latencies l : series.values()) {
      max = Math.max(max, l.percentileMillis(99));
    }
    int rowHeight = 70;
    int width = 900;
    StringBuilder svg = new StringBuilder();
    svg.append(
        String.format(
            Locale.ROOT,
            "<svg xmlns='http://www.w3.org/2000/svg' width='%d' height='%d' font-family='sans-serif'"
                + " font-size='12'>%n",
            width,
            rowHeight * series.size() + 40));
    svg.append("<text x='10' y='20' font-size='14'>Latency (ms): p50, p95, p99</text>\n");
    String[] colors = {"#2b8a3e", "#e67700", "#c92a2a"};
    double[] percentiles = {50, 95, 99};
    int y = 40;
    for (var entry : series.entrySet()) {
      svg.append(
          String.format(Locale.ROOT, "<text x='10' y='%d'>%s</text>%n", y + 12, entry.getKey()));
      for (int i = 0; i < percentiles.length; i++) {
        double value = entry.getValue().percentileMillis(percentiles[i]);
        double barWidth = Double.isNaN(value) ? 0 : value / max * (width - 120);
        svg.append(
            String.format(
                Locale.ROOT,
                "<rect x='10' y='%d' width='%.1f' height='12' fill='%s'/>"
                    + "<text x='%.1f' y='%d'>%.1f</text>%n",
                y + 18 + i * 14,
                barWidth,
                colors[i],
                barWidth + 14,
                y + 28 + i * 14,
                value));
      }
      y += rowHeight;
    }
    return svg.append("</svg>\n").toString();
  }
}
