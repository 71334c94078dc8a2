package dev.lotussaga.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * One side's figures in one mode (closed loop or fixed rate), summed over its rounds: latencies,
 * orders, time under load and the CPU seconds of the processes that serve that side.
 */
final class Tally {

  final String side;
  final Latencies place = new Latencies();
  final Latencies endToEnd = new Latencies();
  private final Set<String> processes;
  private final Map<String, Double> cpuSeconds = new LinkedHashMap<>();
  private final Map<String, Double> work = new LinkedHashMap<>();
  private int completed;
  private final Map<String, Integer> errorReasons = new TreeMap<>();
  private int skipped;
  private Duration loaded = Duration.ZERO;

  /** {@code processes}: the names of the CPU samples that count for this side; null: all. */
  Tally(String side, Set<String> processes) {
    this.side = side;
    this.processes = processes;
  }

  void add(LoadDriver.Phase phase, Map<String, Double> cpuBefore, Map<String, Double> cpuAfter) {
    place.addAll(phase.place());
    endToEnd.addAll(phase.endToEnd());
    completed += phase.completed();
    phase
        .errorReasons()
        .forEach((reason, count) -> errorReasons.merge(reason, count, Integer::sum));
    skipped += phase.skipped();
    loaded = loaded.plus(phase.elapsed());
    cpuBefore.forEach(
        (name, before) -> {
          Double after = cpuAfter.get(name);
          if ((processes == null || processes.contains(name))
              && after != null
              && before >= 0
              && after >= before) {
            cpuSeconds.merge(name, after - before, Double::sum);
          }
        });
  }

  /** Every process that worked for any of the sides, in the order they were sampled. */
  static Set<String> processesOf(List<Tally> sides) {
    Set<String> processes = new LinkedHashSet<>();
    sides.forEach(side -> processes.addAll(side.cpuMillisPerOrder().keySet()));
    return processes;
  }

  /** What PostgreSQL and Kafka did during a phase ({@link InfrastructureWork}). */
  void addWork(Map<String, Double> done) {
    done.forEach((name, amount) -> work.merge(name, amount, Double::sum));
  }

  /** PostgreSQL's and Kafka's work per completed order, by counter. */
  Map<String, Double> workPerOrder() {
    Map<String, Double> per = new LinkedHashMap<>();
    work.forEach((name, amount) -> per.put(name, amount / Math.max(1, completed)));
    return per;
  }

  int completed() {
    return completed;
  }

  int errors() {
    return errorReasons.values().stream().mapToInt(Integer::intValue).sum();
  }

  /** How many orders failed for each reason. */
  Map<String, Integer> errorReasons() {
    return errorReasons;
  }

  int skipped() {
    return skipped;
  }

  double seconds() {
    return loaded.toMillis() / 1000.0;
  }

  double perSecond() {
    return completed / seconds();
  }

  /** CPU milliseconds per completed order, by process, in the order they were sampled. */
  Map<String, Double> cpuMillisPerOrder() {
    Map<String, Double> per = new LinkedHashMap<>();
    cpuSeconds.forEach((name, seconds) -> per.put(name, seconds * 1000 / Math.max(1, completed)));
    return per;
  }

  /** NaN when no process's CPU was measured. */
  double cpuMillisPerOrderTotal() {
    return cpuSeconds.isEmpty()
        ? Double.NaN
        : cpuMillisPerOrder().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** How many cores the counted processes kept busy on average while the load ran. */
  double coresBusy() {
    return cpuSeconds.values().stream().mapToDouble(Double::doubleValue).sum() / seconds();
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("completed", completed);
    json.put("errors", errors());
    json.put("errorReasons", errorReasons);
    json.put("skippedArrivals", skipped);
    json.put("loadedSeconds", seconds());
    json.put("perSecond", perSecond());
    json.put("placeMillis", place.summary());
    json.put("endToEndMillis", endToEnd.summary());
    json.put("cpuMillisPerOrder", cpuMillisPerOrder());
    json.put("cpuMillisPerOrderTotal", cpuMillisPerOrderTotal());
    json.put("workPerOrder", workPerOrder());
    json.put("coresBusy", coresBusy());
    return json;
  }
}
