package dev.lotussaga.faults;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/** Where the stack under test is and how hard to drive it; all from the environment. */
record SuiteSettings(
    URI gateway,
    String temporalTarget,
    String kafkaBootstrap,
    String dbUrl,
    String dbUser,
    String dbPassword,
    String staffEmail,
    String staffPassword,
    int ordersPerRound,
    int buyersPerRound,
    int clients,
    int terminatePercent,
    Duration settleTimeout,
    Path processFaultsScript,
    Duration temporalOutage,
    Duration postgresOutage,
    Path results) {

  static SuiteSettings fromEnvironment() {
    return new SuiteSettings(
        URI.create("http://127.0.0.1:" + env("LOTUS_GATEWAY_PORT", "8080")),
        env("LOTUS_TEMPORAL_TARGET", "127.0.0.1:7233"),
        env("LOTUS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
        env("LOTUS_DB_URL", "jdbc:postgresql://127.0.0.1:5432/lotus"),
        env("LOTUS_DB_USER", "postgres"),
        env("LOTUS_DB_PASSWORD", ""),
        env("LOTUS_STAFF_EMAIL", "staff@lotus.local"),
        env("LOTUS_STAFF_PASSWORD", "lotus-staff-local"),
        Integer.parseInt(env("LOTUS_FAULTS_ORDERS", "120")),
        Integer.parseInt(env("LOTUS_FAULTS_BUYERS", "12")),
        Integer.parseInt(env("LOTUS_FAULTS_CLIENTS", "6")),
        Integer.parseInt(env("LOTUS_FAULTS_TERMINATE_PERCENT", "10")),
        Duration.ofSeconds(Long.parseLong(env("LOTUS_FAULTS_SETTLE_SECONDS", "240"))),
        // tools/fault-suite/run.sh says where it is; its commands act on the stack of this run
        Path.of(env("LOTUS_PROCESS_FAULTS_SCRIPT", "tools/local-stack/process-faults.sh")),
        Duration.ofSeconds(Long.parseLong(env("LOTUS_FAULTS_OUTAGE_SECONDS", "120"))),
        Duration.ofSeconds(Long.parseLong(env("LOTUS_FAULTS_PG_OUTAGE_SECONDS", "120"))),
        Path.of(env("LOTUS_FAULTS_RESULTS", "faults-results")));
  }

  /**
   * The terminate round terminates workflows (only of orders the suite placed), so the suite never
   * talks to a Temporal other than this machine's; the gateway is always 127.0.0.1.
   */
  void requireLoopbackTemporal() {
    String host = temporalTarget.substring(0, temporalTarget.lastIndexOf(':'));
    if (!(host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"))) {
      throw new IllegalArgumentException(
          "The fault suite only targets a Temporal on loopback addresses, not " + temporalTarget);
    }
  }

  private static String env(String name, String fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
