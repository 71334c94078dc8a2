package dev.lotussaga.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Knobs, from environment variables with defaults that finish in about five minutes on 2 cores.
 * Durations are each side's total, split evenly over the rounds.
 */
record BenchSettings(
    URI gateway,
    String temporalTarget,
    String kafkaBootstrap,
    String staffEmail,
    String staffPassword,
    int users,
    int clients,
    Duration warmUp,
    int rounds,
    Duration duration,
    Duration baselineDuration,
    int fixedRateRounds,
    Duration fixedRateDuration,
    int maxInFlight,
    Duration settle,
    int maxOrders,
    Path results,
    String stackPids,
    String databaseUrl,
    String databaseUser,
    String databasePassword) {

  static BenchSettings fromEnvironment() {
    return new BenchSettings(
        URI.create(env("LOTUS_BENCH_GATEWAY", "http://127.0.0.1:8080")),
        env("LOTUS_TEMPORAL_TARGET", "127.0.0.1:7233"),
        env("LOTUS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        env("LOTUS_STAFF_EMAIL", "staff@lotus.local"),
        env("LOTUS_STAFF_PASSWORD", "lotus-staff-local"),
        Integer.parseInt(env("LOTUS_BENCH_USERS", "32")),
        Integer.parseInt(env("LOTUS_BENCH_CLIENTS", "32")),
        seconds(env("LOTUS_BENCH_WARMUP", "25s")),
        Integer.parseInt(env("LOTUS_BENCH_ROUNDS", "3")),
        seconds(env("LOTUS_BENCH_DURATION", "36s")),
        seconds(env("LOTUS_BENCH_BASELINE_DURATION", "18s")),
        Integer.parseInt(env("LOTUS_BENCH_FIXED_RATE_ROUNDS", "2")),
        seconds(env("LOTUS_BENCH_FIXED_RATE_DURATION", "30s")),
        Integer.parseInt(env("LOTUS_BENCH_MAX_IN_FLIGHT", "256")),
        seconds(env("LOTUS_BENCH_SETTLE", "2s")),
        Integer.parseInt(env("LOTUS_BENCH_MAX_ORDERS", "20000")),
        Path.of(env("LOTUS_BENCH_RESULTS", "bench-results")),
        env("LOTUS_BENCH_PIDS", ""),
        env("LOTUS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/lotus"),
        env("LOTUS_DB_USER", "postgres"),
        env("LOTUS_DB_PASSWORD", ""));
  }

  /** One closed-loop phase of the saga or the minimal saga. */
  Duration roundDuration() {
    return duration.dividedBy(rounds);
  }

  /** One closed-loop phase of the no-op floor. */
  Duration baselineRoundDuration() {
    return baselineDuration.dividedBy(rounds);
  }

  /** One fixed-rate phase of the saga or the minimal saga. */
  Duration fixedRateRoundDuration() {
    return fixedRateDuration.dividedBy(Math.max(1, fixedRateRounds));
  }

  /** Only loopback targets: the benchmark never loads anything but this machine. */
  void requireLoopback() {
    List<String> hosts = new ArrayList<>(List.of(gateway.getHost(), hostOf(temporalTarget)));
    hosts.add(hostOf(databaseHost()));
    for (String broker : kafkaBootstrap.split(",")) {
      hosts.add(hostOf(broker.trim()));
    }
    for (String h : hosts) {
      if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]"))) {
        throw new IllegalArgumentException(
            "The benchmark only targets loopback addresses, not " + h);
      }
    }
  }

  private String databaseHost() {
    String rest = databaseUrl.substring(databaseUrl.indexOf("//") + 2);
    int slash = rest.indexOf('/');
    return slash < 0 ? rest : rest.substring(0, slash);
  }

  private static String hostOf(String hostPort) {
    int colon = hostPort.lastIndexOf(':');
    return colon < 0 ? hostPort : hostPort.substring(0, colon);
  }

  private static Duration seconds(String value) {
    return Duration.parse("PT" + value);
  }

  static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
