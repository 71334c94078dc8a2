package dev.lotussaga.bench;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * CPU per order split between the infrastructure (Temporal, Kafka, PostgreSQL) and the JVMs that
 * use it, on both sides, and the CPU ratio our saga would reach were its services as cheap as the
 * minimal saga's one JVM. When even that ratio misses the target, cheaper services alone cannot
 * meet it: the infrastructure has to be given less work per order.
 */
record CpuSplit(
    double sagaInfrastructure,
    double sagaServices,
    double minimalInfrastructure,
    double minimalServices) {

  static final double CPU_TARGET = 1.5;

  private static final Set<String> INFRASTRUCTURE =
      Set.of(StackProcesses.TEMPORAL, StackProcesses.KAFKA, StackProcesses.DATABASE);

  /** From each side's CPU milliseconds per order, by process. */
  static CpuSplit of(Map<String, Double> saga, Map<String, Double> minimal) {
    return new CpuSplit(sum(saga, true), sum(saga, false), sum(minimal, true), sum(minimal, false));
  }

  double ratioWereTheServicesAsCheapAsTheMinimalSagas() {
    return (sagaInfrastructure + minimalServices) / (minimalInfrastructure + minimalServices);
  }

  boolean reachableByTheServicesAlone() {
    return ratioWereTheServicesAsCheapAsTheMinimalSagas() <= CPU_TARGET;
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("sagaInfrastructure", sagaInfrastructure);
    json.put("sagaServices", sagaServices);
    json.put("minimalInfrastructure", minimalInfrastructure);
    json.put("minimalServices", minimalServices);
    json.put(
        "ratioWereTheServicesAsCheapAsTheMinimalSagas",
        ratioWereTheServicesAsCheapAsTheMinimalSagas());
    json.put("reachableByTheServicesAlone", reachableByTheServicesAlone());
    return json;
  }

  /** The CPU of Temporal, Kafka and PostgreSQL together, from a map of every process's. */
  static double infrastructureOf(Map<String, Double> cpu) {
    return sum(cpu, true);
  }

  private static double sum(Map<String, Double> cpu, boolean infrastructure) {
    return cpu.entrySet().stream()
        .filter(entry -> INFRASTRUCTURE.contains(entry.getKey()) == infrastructure)
        .mapToDouble(Map.Entry::getValue)
        .sum();
  }
}
