package dev.lotussaga.bench;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code ./lotus bench}: the saga through the real HTTP API, then a bare three-activity workflow on
 * the same Temporal server with the same concurrency, and the ratios between them. Every loop is
 * bounded by time and count, and only loopback addresses are accepted.
 */
public final class SagaBenchmark {

  private SagaBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromEnvironment();
    settings.requireLoopback();
    StackProcesses stack = new StackProcesses(settings.stackPids());
    Report report = new Report(settings);

    System.out.printf(
        "bench: %d buyers, %d clients, warm-up %ds, saga %ds, baseline %ds%n",
        settings.users(),
        settings.clients(),
        settings.warmUp().toSeconds(),
        settings.duration().toSeconds(),
        settings.baselineDuration().toSeconds());
    SagaLoad.Result sagaResult;
    Map<String, Long> memoryAtStart;
    Map<String, Long> memoryAtEnd;
    Map<String, Double> cpuAtStart;
    Map<String, Double> cpuAtEnd;
    try (DeliveryWatch deliveries =
        new DeliveryWatch(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword())) {
      SagaLoad saga = new SagaLoad(settings, deliveries);
      saga.prepare();
      saga.run(settings.warmUp(), settings.maxOrders());
      memoryAtStart = stack.sampleMegabytes();
      cpuAtStart = stack.sampleCpuSeconds();
      System.out.println("bench: warm-up done, measuring the saga");
      sagaResult = saga.run(settings.duration(), settings.maxOrders());
      memoryAtEnd = stack.sampleMegabytes();
      cpuAtEnd = stack.sampleCpuSeconds();
    }

    System.out.println("bench: measuring the baseline");
    Baseline baseline = new Baseline(settings);
    Baseline.Result baselineResult;
    Map<String, Double> baselineCpuAtStart;
    Map<String, Double> baselineCpuAtEnd;
    try {
      baseline.run(settings.warmUp(), settings.maxOrders());
      baselineCpuAtStart = baselineCpuSeconds(stack);
      baselineResult = baseline.run(settings.baselineDuration(), settings.maxOrders());
      baselineCpuAtEnd = baselineCpuSeconds(stack);
    } finally {
      baseline.close();
    }

    report.saga(sagaResult);
    report.baseline(baselineResult);
    report.memory(memoryAtStart, memoryAtEnd);
    report.cpuPerOrder(cpuAtStart, cpuAtEnd, sagaResult.completed());
    report.cpuPerBaselineWorkflow(baselineCpuAtStart, baselineCpuAtEnd, baselineResult.completed());
    report.print(sagaResult, baselineResult);
    report.write(settings.results());
    System.exit(0);
  }

  /**
   * What the baseline costs: the Temporal server's process and this one, which runs the baseline's
   * client and worker. The saga's idle services are left out, as nothing of theirs is measured.
   */
  private static Map<String, Double> baselineCpuSeconds(StackProcesses stack) {
    Map<String, Double> sample = new LinkedHashMap<>();
    stack
        .cpuSecondsOf(Report.TEMPORAL_PROCESS)
        .ifPresent(seconds -> sample.put(Report.TEMPORAL_PROCESS, seconds));
    sample.put(Report.BASELINE_PROCESS, StackProcesses.ownCpuSeconds());
    return sample;
  }
}
