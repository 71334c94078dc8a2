package dev.lotussaga.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Knobs, from environment variables with defaults that finish in about three minutes on 2 cores.
 */
record BenchSettings(
    URI gateway,
    String temporalTarget,
    String staffEmail,
    String staffPassword,
    int users,
    int clients,
    Duration warmUp,
    Duration duration,
    Duration baselineDuration,
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
        env("LOTUS_STAFF_EMAIL", "staff@lotus.local"),
        env("LOTUS_STAFF_PASSWORD", "lotus-staff-local"),
        Integer.parseInt(env("LOTUS_BENCH_USERS", "16")),
        Integer.parseInt(env("LOTUS_BENCH_CLIENTS", "8")),
        Duration.parse("PT" + env("LOTUS_BENCH_WARMUP", "25s")),
        Duration.parse("PT" + env("LOTUS_BENCH_DURATION", "40s")),
        Duration.parse("PT" + env("LOTUS_BENCH_BASELINE_DURATION", "20s")),
        Integer.parseInt(env("LOTUS_BENCH_MAX_ORDERS", "20000")),
        Path.of(env("LOTUS_BENCH_RESULTS", "bench-results")),
        env("LOTUS_BENCH_PIDS", ""),
        env("LOTUS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/lotus"),
        env("LOTUS_DB_USER", "postgres"),
        env("LOTUS_DB_PASSWORD", ""));
  }

  /** Only loopback targets: the benchmark never loads anything but this machine. */
  void requireLoopback() {
    String host = gateway.getHost();
    String temporalHost = temporalTarget.substring(0, temporalTarget.lastIndexOf(':'));
    for (String h : new String[] {host, temporalHost}) {
      if (!(h.equals("localhost") || h.startsWith("127.") || h.equals("[::1]"))) {
        throw new IllegalArgumentException(
            "The benchmark only targets loopback addresses, not " + h);
      }
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
