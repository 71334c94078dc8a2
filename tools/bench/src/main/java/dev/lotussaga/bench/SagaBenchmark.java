package dev.lotussaga.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * {@code ./lotus bench}: our saga through the real HTTP API against the minimal saga doing the same
 * work (and a no-op workflow as a floor), on the same stack, interleaved in rounds; then both at a
 * fixed arrival rate; then issue #18's targets, each MET or MISSED. Every loop is bounded by time
 * and count, and only loopback addresses are accepted.
 */
public final class SagaBenchmark {

  /** This JVM while a baseline runs: its client, worker and consumer (the watchers left out). */
  static final String BENCH_PROCESS = "bench (client, worker, consumer)";

  /** {@code fixed}: its fixed-rate figures (the no-op floor runs in closed loop only). */
  private record Side(String name, OrderFlow flow, Duration round, Tally closed, Tally fixed) {

    static Side of(String name, OrderFlow flow, Duration round, Set<String> processes) {
      return new Side(name, flow, round, new Tally(name, processes), new Tally(name, processes));
    }
  }

  private SagaBenchmark() {}

  public static void main(String[] args) throws Exception {
    BenchSettings settings = BenchSettings.fromEnvironment();
    settings.requireLoopback();
    if (Boolean.parseBoolean(BenchSettings.env("LOTUS_BENCH_SCALE", "false"))) {
      ScaleBenchmark.run(settings);
      System.exit(0);
    }
    StackProcesses stack = new StackProcesses(settings.stackPids());
    Report report = new Report(describe(settings));
    System.out.printf(
        Locale.ROOT,
        "bench: %d buyers, %d clients, warm-up %ds per side; %d interleaved rounds (saga and"
            + " minimal saga %ds each, no-op %ds); %d fixed-rate rounds (%ds each)%n",
        settings.users(),
        settings.clients(),
        settings.warmUp().toSeconds(),
        settings.rounds(),
        settings.roundDuration().toSeconds(),
        settings.baselineRoundDuration().toSeconds(),
        settings.fixedRateRounds(),
        settings.fixedRateRoundDuration().toSeconds());

    try (DeliveryWatch sagaDeliveries =
            new DeliveryWatch(settings, DeliveryWatch.SAGA_DELIVERIES, "saga-delivery-watch");
        MinimalSaga minimal = new MinimalSaga(settings);
        InfrastructureWork work = new InfrastructureWork(settings)) {
      Baseline noOp = new Baseline(settings);
      SagaFlow saga = new SagaFlow(settings, sagaDeliveries);
      saga.prepare();
      Supplier<Map<String, Double>> cpu =
          () -> {
            Map<String, Double> sample = stack.sampleCpuSeconds();
            double watching = sagaDeliveries.cpuSeconds() + minimal.deliveries().cpuSeconds();
            sample.put(BENCH_PROCESS, StackProcesses.ownCpuSeconds() - watching);
            return sample;
          };
      // Each side counts the processes that serve it: the saga the whole stack, the baselines the
      // parts of it they use and this JVM.
      Set<String> sagaProcesses = new LinkedHashSet<>(cpu.get().keySet());
      sagaProcesses.remove(BENCH_PROCESS);
      Set<String> minimalProcesses =
          Set.of(
              StackProcesses.TEMPORAL,
              StackProcesses.KAFKA,
              StackProcesses.DATABASE,
              BENCH_PROCESS);
      Set<String> noOpProcesses = Set.of(StackProcesses.TEMPORAL, BENCH_PROCESS);
      Side sagaSide = Side.of("saga", saga, settings.roundDuration(), sagaProcesses);
      Side minimalSide = Side.of("minimal", minimal, settings.roundDuration(), minimalProcesses);
      Side noOpSide = Side.of("no-op", noOp, settings.baselineRoundDuration(), noOpProcesses);
      List<Side> sides = List.of(sagaSide, minimalSide, noOpSide);

      for (Side side : sides) {
        System.out.println("bench: warming up " + side.name());
        LoadDriver.closedLoop(
            side.flow(), settings.clients(), settings.warmUp(), settings.maxOrders());
      }
      Thread.sleep(settings.settle().toMillis());
      report.idle(idleCpu(cpu, settings.settle().multipliedBy(2)));
      Map<String, Long> memoryAtStart = stack.sampleMegabytes();

      // Closed loop: each round runs every side once, the first side moving on by one each round.
      for (int round = 0; round < settings.rounds(); round++) {
        for (int i = 0; i < sides.size(); i++) {
          Side side = sides.get((i + round) % sides.size());
          measure(
              side.name() + " (closed loop, round " + (round + 1) + ")",
              side.closed(),
              cpu,
              work,
              settings.settle(),
              () ->
                  LoadDriver.closedLoop(
                      side.flow(), settings.clients(), side.round(), settings.maxOrders()));
        }
      }

      double rate = minimalSide.closed().perSecond() / 2;
      List<Side> paced = List.of(sagaSide, minimalSide);
      for (int round = 0; round < settings.fixedRateRounds(); round++) {
        for (int i = 0; i < paced.size(); i++) {
          Side side = paced.get((i + round) % paced.size());
          measure(
              String.format(
                  Locale.ROOT, "%s (%.1f orders/s, round %d)", side.name(), rate, round + 1),
              side.fixed(),
              cpu,
              work,
              settings.settle(),
              () ->
                  LoadDriver.fixedRate(
                      side.flow(),
                      rate,
                      settings.fixedRateRoundDuration(),
                      settings.maxInFlight()));
        }
      }
      Map<String, Long> memoryAtEnd = stack.sampleMegabytes();
      noOp.close();

      report.closedLoop(
          String.format(
              Locale.ROOT,
              "closed loop: %d clients per side, %d interleaved rounds",
              settings.clients(),
              settings.rounds()),
          sagaSide.closed(),
          minimalSide.closed(),
          noOpSide.closed());
      report.fixedRate(
          String.format(
              Locale.ROOT,
              "fixed rate: %.1f orders/s (half the minimal saga's saturated rate), %d rounds of %ds"
                  + " per side, at most %d orders open",
              rate,
              settings.fixedRateRounds(),
              settings.fixedRateRoundDuration().toSeconds(),
              settings.maxInFlight()),
          rate,
          sagaSide.fixed(),
          minimalSide.fixed());
      report.memory(memoryAtStart, memoryAtEnd);
      report.targets(Targets.compare(figures(sagaSide), figures(minimalSide)));
      report.work(
          sagaSide.closed(),
          minimalSide.closed(),
          TemporalWork.perOrder(minimal.client(), saga.lastFinished().workflowIds()),
          TemporalWork.perOrder(minimal.client(), minimal.lastFinished().workflowIds()));
    }
    report.print();
    report.write(settings.results());
    System.exit(0);
  }

  private static Targets.Figures figures(Side side) {
    return new Targets.Figures(
        side.closed().cpuMillisPerOrderTotal(),
        side.closed().perSecond(),
        side.fixed().endToEnd.percentileMillis(50),
        side.fixed().place.percentileMillis(99));
  }

  /**
   * One phase: CPU and the infrastructure's counters sampled before it and after a short settle (so
   * that work an order leaves behind, such as a consumer's offset commit, is charged to its own
   * side), and added to the side's tally. The counters are read outside the CPU window.
   */
  private static void measure(
      String what,
      Tally tally,
      Supplier<Map<String, Double>> cpu,
      InfrastructureWork work,
      Duration settle,
      Callable<LoadDriver.Phase> load)
      throws Exception {
    Map<String, Double> workBefore = work.sample();
    Map<String, Double> before = cpu.get();
    LoadDriver.Phase phase = load.call();
    Thread.sleep(settle.toMillis());
    tally.add(phase, before, cpu.get());
    tally.addWork(InfrastructureWork.between(workBefore, work.sample()));
    System.out.printf(
        Locale.ROOT,
        "bench: %-36s %5d orders in %5.1f s, %d errors, %d skipped%n",
        what,
        phase.completed(),
        phase.elapsed().toMillis() / 1000.0,
        phase.errors(),
        phase.skipped());
    phase
        .errorReasons()
        .forEach(
            (reason, count) -> System.out.printf(Locale.ROOT, "bench:   %d × %s%n", count, reason));
  }

  /** What each process spends with no load at all: the background both sides carry. */
  private static Map<String, Double> idleCpu(Supplier<Map<String, Double>> cpu, Duration window)
      throws InterruptedException {
    Map<String, Double> before = cpu.get();
    Thread.sleep(window.toMillis());
    Map<String, Double> after = cpu.get();
    Map<String, Double> perSecond = new LinkedHashMap<>();
    before.forEach(
        (name, seconds) ->
            perSecond.put(name, (after.get(name) - seconds) * 1000 / (window.toMillis() / 1000.0)));
    return perSecond;
  }

  private static Map<String, Object> describe(BenchSettings settings) {
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("users", settings.users());
    described.put("clients", settings.clients());
    described.put("warmUpSecondsPerSide", settings.warmUp().toSeconds());
    described.put("rounds", settings.rounds());
    described.put("closedLoopSecondsPerSide", settings.duration().toSeconds());
    described.put("noOpSeconds", settings.baselineDuration().toSeconds());
    described.put("fixedRateRounds", settings.fixedRateRounds());
    described.put("fixedRateSecondsPerSide", settings.fixedRateDuration().toSeconds());
    described.put("maxInFlight", settings.maxInFlight());
    described.put("settleSeconds", settings.settle().toSeconds());
    return described;
  }
}
