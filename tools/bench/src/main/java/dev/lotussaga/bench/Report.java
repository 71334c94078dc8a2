package dev.lotussaga.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Prints the tables and the targets, and writes the raw figures (JSON) and a chart (SVG). Every
 * figure printed is also in the JSON, under the same names.
 */
final class Report {

  private final Map<String, Object> raw = new LinkedHashMap<>();
  private final Map<String, Latencies> series = new LinkedHashMap<>();
  private List<Tally> closedLoopSides = List.of();
  private Map<String, Double> idleCpuMillisPerSecond = Map.of();
  private final StringBuilder text = new StringBuilder();

  Report(Map<String, Object> settings) {
    raw.put("at", Instant.now().toString());
    raw.put("settings", settings);
  }

  void closedLoop(String heading, Tally saga, Tally minimal, Tally noOp) {
    line("");
    line(heading);
    latencyHeader();
    latencies("saga place (POST /order/place -> 202)", saga.place);
    latencies("saga end to end (place -> ORDER_IN_DELIVERY stored)", saga.endToEnd);
    latencies("minimal start (order row + workflow start)", minimal.place);
    latencies("minimal end to end (start -> ORDER_IN_DELIVERY stored)", minimal.endToEnd);
    latencies("no-op start (workflow start)", noOp.place);
    latencies("no-op end to end (start -> result)", noOp.endToEnd);
    line("");
    line(
        String.format(
            Locale.ROOT,
            "throughput: saga %.1f orders/s (%d errors), minimal saga %.1f orders/s (%d errors),"
                + " no-op %.1f workflows/s (%d errors)",
            saga.perSecond(),
            saga.errors(),
            minimal.perSecond(),
            minimal.errors(),
            noOp.perSecond(),
            noOp.errors()));
    errorReasons(List.of(saga, minimal, noOp));
    Map<String, Object> closed = new LinkedHashMap<>();
    closed.put("saga", saga.json());
    closed.put("minimal", minimal.json());
    closed.put("noOp", noOp.json());
    raw.put("closedLoop", closed);
    closedLoopSides = List.of(saga, minimal, noOp);
    cpuTable(closedLoopSides);
  }

  void fixedRate(String heading, double perSecond, Tally saga, Tally minimal) {
    line("");
    line(heading);
    latencyHeader();
    latencies("saga place at the fixed rate", saga.place, "saga place @rate");
    latencies("saga end to end at the fixed rate", saga.endToEnd, "saga end to end @rate");
    latencies("minimal start at the fixed rate", minimal.place, "minimal start @rate");
    latencies("minimal end to end at the fixed rate", minimal.endToEnd, "minimal e2e @rate");
    for (Tally side : List.of(saga, minimal)) {
      line(
          String.format(
              Locale.ROOT,
              "  %-9s %5d completed (%.1f/s, first arrival to last completion), %d errors,"
                  + " %d arrivals skipped (too many open); CPU %.1f ms per order",
              side.side,
              side.completed(),
              side.completed() / side.seconds(),
              side.errors(),
              side.skipped(),
              side.cpuMillisPerOrderTotal()));
    }
    errorReasons(List.of(saga, minimal));
    Map<String, Object> fixed = new LinkedHashMap<>();
    fixed.put("ordersPerSecond", perSecond);
    fixed.put("saga", saga.json());
    fixed.put("minimal", minimal.json());
    raw.put("fixedRate", fixed);
  }

  void idle(Map<String, Double> cpuMillisPerSecond) {
    raw.put("idleCpuMillisPerSecond", cpuMillisPerSecond);
    idleCpuMillisPerSecond = cpuMillisPerSecond;
    StringBuilder idle = new StringBuilder("idle CPU before the load (ms per second):");
    cpuMillisPerSecond.forEach(
        (name, ms) -> idle.append(String.format(Locale.ROOT, " %s %.1f,", name, ms)));
    line("");
    line(idle.substring(0, idle.length() - 1));
  }

  void memory(Map<String, Long> first, Map<String, Long> last) {
    raw.put("rssMegabytes", Map.of("atStart", first, "atEnd", last));
    line("");
    line("resident memory (MB)       at start   at end");
    first.forEach(
        (name, mb) ->
            line(String.format(Locale.ROOT, "  %-24s %8d %8d", name, mb, last.get(name))));
  }

  void targets(List<Targets.Target> targets) {
    line("");
    line(
        String.format(
            Locale.ROOT,
            "targets (issue #18): our saga / the minimal saga %12s %9s %7s",
            "saga",
            "minimal",
            "ratio"));
    List<Map<String, Object>> json = new ArrayList<>();
    for (Targets.Target target : targets) {
      line(target.line());
      json.add(target.json());
    }
    raw.put("targets", json);
  }

  /**
   * Why the CPU differs: the work each side hands to Temporal, PostgreSQL and Kafka per order, and
   * the CPU ratio our saga would reach if its services cost no more than the minimal saga's JVM.
   * When even that misses the target, the target needs less work in the infrastructure, not only
   * cheaper services.
   */
  void work(
      Tally saga,
      Tally minimal,
      Map<String, Double> sagaHistories,
      Map<String, Double> minimalHistories) {
    workHeader("work per completed order");
    Map<String, Double> sagaWork = new LinkedHashMap<>(sagaHistories);
    sagaWork.putAll(saga.workPerOrder());
    Map<String, Double> minimalWork = new LinkedHashMap<>(minimalHistories);
    minimalWork.putAll(minimal.workPerOrder());
    for (String name : sagaWork.keySet()) {
      workLine(name, sagaWork.get(name), minimalWork.getOrDefault(name, Double.NaN));
    }
    CpuSplit split = CpuSplit.of(saga.cpuMillisPerOrder(), minimal.cpuMillisPerOrder());
    double bestReachable = split.ratioWereTheServicesAsCheapAsTheMinimalSagas();
    workHeader("CPU per completed order (ms), split");
    workLine(
        "Temporal, Kafka and PostgreSQL",
        split.sagaInfrastructure(),
        split.minimalInfrastructure());
    double idle = CpuSplit.infrastructureOf(idleCpuMillisPerSecond);
    Map<String, Double> atRest =
        Map.of("saga", idle / saga.perSecond(), "minimal", idle / minimal.perSecond());
    workLine(
        "  of which at rest (" + Math.round(idle) + " ms/s over orders/s)",
        atRest.get("saga"),
        atRest.get("minimal"));
    workLine(
        "the services' JVMs / the minimal saga's JVM",
        split.sagaServices(),
        split.minimalServices());
    line(
        String.format(
            Locale.ROOT,
            "  our saga, were its services as cheap as the minimal saga's JVM: %.2f (<= %.2f): %s",
            bestReachable,
            CpuSplit.CPU_TARGET,
            split.reachableByTheServicesAlone()
                ? "within reach of the services' own CPU"
                : "out of reach without less work in Temporal, Kafka and PostgreSQL"));
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("saga", sagaWork);
    json.put("minimal", minimalWork);
    json.put("cpuSplit", split.json());
    json.put("infrastructureAtRestMillisPerOrder", atRest);
    raw.put("workPerOrder", json);
  }

  private void workHeader(String title) {
    line("");
    line(String.format(Locale.ROOT, "%-48s %10s %10s %7s", title, "saga", "minimal", "ratio"));
  }

  private void workLine(String name, double saga, double minimal) {
    line(
        String.format(
            Locale.ROOT, "  %-46s %10.1f %10.1f %7.2f", name, saga, minimal, saga / minimal));
  }

  /**
   * {@code ./lotus bench --scale}: each read's latencies at both sizes, then the p99 ratios with
   * their verdicts, how long seeding took, and the stock line's wake-ups ({@code stockLine}, null
   * when the run had none).
   */
  void scale(
      String small,
      Map<String, Latencies> atSmall,
      String large,
      Map<String, Latencies> atLarge,
      ScaleTable table,
      Map<String, Map<String, Object>> seeding,
      WakeUpTable stockLine) {
    for (String size : List.of(small, large)) {
      line("");
      line("reads with " + size + " orders");
      latencyHeader();
      (size.equals(small) ? atSmall : atLarge)
          .forEach((read, l) -> latencies(read, l, read + " at " + size));
    }
    line("");
    line("cost as the data grows (issue #18): p99 at " + large + " over p99 at " + small);
    table.lines().forEach(this::line);
    line("");
    seeding.forEach(
        (size, figures) ->
            line(
                String.format(
                    Locale.ROOT,
                    "seeding up to %s: %s orders, %s state changes, %s notifications in %.1f s",
                    size,
                    figures.get("orders"),
                    figures.get("stateChanges"),
                    figures.get("notifications"),
                    (Double) figures.get("seconds"))));
    Map<String, Object> scale = new LinkedHashMap<>();
    scale.put("seeding", seeding);
    Map<String, Object> reads = new LinkedHashMap<>();
    atSmall.forEach(
        (read, l) ->
            reads.put(read, Map.of(small, l.summary(), large, atLarge.get(read).summary())));
    scale.put("reads", reads);
    List<Map<String, Object>> targets = new ArrayList<>(table.json());
    if (stockLine != null) {
      line("");
      stockLine.lines().forEach(this::line);
      scale.put("stockLine", stockLine.json());
      targets.add(stockLine.targetJson());
    }
    scale.put("targets", targets);
    raw.put("scale", scale);
  }

  void print() {
    System.out.println(text);
  }

  void write(Path folder) throws IOException {
    Files.createDirectories(folder);
    String stamp = Instant.now().toString().replace(":", "").replace(".", "");
    Path json = folder.resolve("bench-" + stamp + ".json");
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(json.toFile(), raw);
    Path svg = folder.resolve("bench-" + stamp + ".svg");
    Files.writeString(svg, LatencyChart.of(series));
    System.out.println("raw results: " + json + "\nchart:       " + svg);
    if (!closedLoopSides.isEmpty()) {
      Path cpu = folder.resolve("bench-" + stamp + "-cpu.svg");
      Files.writeString(cpu, CpuChart.of(closedLoopSides));
      System.out.println("CPU chart:   " + cpu);
    }
  }

  /** Why orders failed, side by side: nothing when none did. */
  private void errorReasons(List<Tally> sides) {
    for (Tally side : sides) {
      side.errorReasons()
          .forEach(
              (reason, count) ->
                  line(String.format(Locale.ROOT, "  %s: %d × %s", side.side, count, reason)));
    }
  }

  /** CPU milliseconds per completed order, one column per side, one row per process. */
  private void cpuTable(List<Tally> sides) {
    Set<String> processes = Tally.processesOf(sides);
    line("");
    StringBuilder header =
        new StringBuilder(String.format("%-40s", "CPU per completed order (ms)"));
    sides.forEach(side -> header.append(String.format("%10s", side.side)));
    line(header.toString());
    for (String process : processes) {
      StringBuilder row = new StringBuilder(String.format("  %-38s", label(process, processes)));
      for (Tally side : sides) {
        Double ms = side.cpuMillisPerOrder().get(process);
        row.append(ms == null ? String.format("%10s", "-") : cell(ms));
      }
      line(row.toString());
    }
    StringBuilder total = new StringBuilder(String.format("  %-38s", "total"));
    StringBuilder cores = new StringBuilder(String.format("  %-38s", "cores busy under load"));
    for (Tally side : sides) {
      total.append(cell(side.cpuMillisPerOrderTotal()));
      cores.append(String.format(Locale.ROOT, "%10.2f", side.coresBusy()));
    }
    line(total.toString());
    line(cores.toString());
  }

  /** Says what the local stack's process runs: Temporal alone, or Temporal and the broker. */
  static String label(String process, Set<String> processes) {
    if (!process.equals(StackProcesses.TEMPORAL)) {
      return process;
    }
    return processes.contains(StackProcesses.KAFKA)
        ? process + " (Temporal test server)"
        : process + " (Temporal and Kafka)";
  }

  private static String cell(double value) {
    return String.format(Locale.ROOT, "%10.1f", value);
  }

  private void latencyHeader() {
    line(
        String.format(
            Locale.ROOT,
            "%-56s %7s %8s %8s %8s %8s",
            "latency (ms)",
            "count",
            "p50",
            "p95",
            "p99",
            "max"));
  }

  private void latencies(String name, Latencies l) {
    latencies(name, l, name);
  }

  private void latencies(String name, Latencies l, String chartName) {
    series.put(chartName, l);
    line(
        String.format(
            Locale.ROOT,
            "%-56s %7d %8.1f %8.1f %8.1f %8.1f",
            name,
            l.count(),
            l.percentileMillis(50),
            l.percentileMillis(95),
            l.percentileMillis(99),
            l.percentileMillis(100)));
  }

  private void line(String s) {
    text.append(s).append('\n');
  }
}
