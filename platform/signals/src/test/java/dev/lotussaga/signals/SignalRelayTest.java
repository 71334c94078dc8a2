package dev.lotussaga.signals;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The relay against the real outbox table (PostgreSQL, database lotus_test, schema signals_test,
 * migrated by the scripts the services run) and Temporal's test server, with {@link
 * RefusingSignals} refusing some workflows' signals for good and finding Temporal unreachable for
 * others.
 */
class SignalRelayTest {

  private static final String SCHEMA = "signals_test";
  private static final String TASK_QUEUE = "signals-test";

  private static JdbcTemplate jdbc;
  private static TransactionTemplate transaction;
  private static TestWorkflowEnvironment temporal;
  private static WorkflowClient relayClient;
  private static RefusingSignals refusing;
  private static SignalOutbox outbox;

  @BeforeAll
  static void startTemporalAndMigrateTheOutbox() {
    DriverManagerDataSource dataSource =
        new DriverManagerDataSource(
            System.getenv()
                .getOrDefault("LOTUS_TEST_DB_URL", "jdbc:postgresql://127.0.0.1:5432/lotus_test"),
            "postgres",
            "");
    dataSource.setSchema(SCHEMA);
    Flyway.configure()
        .dataSource(dataSource)
        .schemas(SCHEMA)
        .defaultSchema(SCHEMA)
        .locations("classpath:db/signals")
        .load()
        .migrate();
    jdbc = new JdbcTemplate(dataSource);
    transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    outbox = new SignalOutbox(jdbc, event -> {});

    temporal = TestWorkflowEnvironment.newInstance();
    temporal
        .newWorker(TASK_QUEUE)
        .registerWorkflowImplementationTypes(WakeUpWorkflow.Waiting.class);
    temporal.start();
    refusing = new RefusingSignals();
    relayClient =
        WorkflowClient.newInstance(
            temporal.getWorkflowServiceStubs(),
            WorkflowClientOptions.newBuilder(temporal.getWorkflowClient().getOptions())
                .setInterceptors(refusing)
                .build());
  }

  @AfterAll
  static void stopTemporal() {
    temporal.close();
  }

  @BeforeEach
  void emptyOutbox() {
    jdbc.update("delete from signal_outbox");
  }

  @Test
  void aSignalRefusedForGoodDoesNotHoldBackTheSignalsBehindIt() throws Exception {
    String refused = RefusingSignals.REFUSED + UUID.randomUUID();
    WorkflowStub healthy = startWaitingWorkflow();
    enqueue(refused);
    enqueue(healthy.getExecution().getWorkflowId());

    try (SignalRelay relay = relay(properties(20, Duration.ofMinutes(1)))) {
      assertThat(relay.deliverPending()).isEqualTo(1);
    }

    assertThat(healthy.getResultAsync(Integer.class).get(10, TimeUnit.SECONDS)).isEqualTo(1);
    Map<String, Object> row = row(refused);
    assertThat(row.get("attempts")).isEqualTo(1);
    assertThat((String) row.get("last_error")).contains("PERMISSION_DENIED");
    assertThat(row.get("dead_at")).isNull();
    assertThat((Double) row.get("retry_in_seconds")).isBetween(50.0, 61.0);
  }

  @Test
  void aSignalRefusedMaxAttemptsTimesIsParkedAsDeadAndNoLongerTried() throws Exception {
    String refused = RefusingSignals.REFUSED + UUID.randomUUID();
    enqueue(refused);

    try (SignalRelay relay = relay(properties(3, Duration.ZERO))) {
      for (int poll = 0; poll < 5; poll++) {
        relay.deliverPending();
      }
    }

    assertThat(refusing.sentTo(refused)).isEqualTo(3);
    Map<String, Object> row = row(refused);
    assertThat(row.get("attempts")).isEqualTo(3);
    assertThat(row.get("dead_at")).isNotNull();
    assertThat((String) row.get("last_error")).contains("PERMISSION_DENIED");
    MeterRegistry registry = registryWithBacklog();
    assertThat(registry.get("lotus.outbox.dead").gauge().value()).isEqualTo(1);
    assertThat(registry.get("lotus.outbox.pending").gauge().value()).isZero();
    assertThat(registry.get("lotus.outbox.oldest").gauge().value()).isZero();
  }

  @Test
  void whenTemporalCannotBeReachedTheBatchStopsWithoutChargingAnyAttempt() throws Exception {
    String unreachable = RefusingSignals.UNREACHABLE + UUID.randomUUID();
    WorkflowStub healthy = startWaitingWorkflow();
    String healthyId = healthy.getExecution().getWorkflowId();
    enqueue(unreachable);
    enqueue(healthyId);

    try (SignalRelay relay = relay(properties(1, Duration.ZERO))) {
      assertThat(relay.deliverPending()).isZero();
    }

    assertThat(refusing.sentTo(healthyId)).isZero();
    assertThat(row(unreachable).get("attempts")).isEqualTo(0);
    assertThat(row(unreachable).get("dead_at")).isNull();
    assertThat((String) row(unreachable).get("last_error")).contains("UNAVAILABLE");
    assertThat(row(healthyId).get("attempts")).isEqualTo(0);
  }

  @Test
  void theGaugesReportPendingSignalsTheAgeOfTheOldestAndTheParkedOnes() {
    PrometheusMeterRegistry registry = registryWithBacklog();
    assertThat(registry.scrape())
        .contains("lotus_outbox_pending{service=\"signals-test\"} 0")
        .contains("lotus_outbox_oldest_seconds{service=\"signals-test\"} 0")
        .contains("lotus_outbox_dead{service=\"signals-test\"} 0");

    String old = "order-" + UUID.randomUUID();
    String parked = "order-" + UUID.randomUUID();
    enqueue(old);
    enqueue("order-" + UUID.randomUUID());
    enqueue(parked);
    jdbc.update(
        "update signal_outbox set created_at = now() - interval '90 seconds' where workflow_id = ?",
        old);
    jdbc.update(
        "update signal_outbox set created_at = now() - interval '1 hour', dead_at = now()"
            + " where workflow_id = ?",
        parked);

    assertThat(registry.get("lotus.outbox.pending").gauge().value()).isEqualTo(2);
    assertThat(registry.get("lotus.outbox.oldest").gauge().value()).isBetween(90.0, 120.0);
    assertThat(registry.get("lotus.outbox.dead").gauge().value()).isEqualTo(1);
  }

  @Test
  void theRetryDelayDoublesFromTheFirstUpToTheLimit() {
    OutboxProperties properties = properties(20, Duration.ofSeconds(1));
    assertThat(
            IntStream.rangeClosed(1, 9).mapToObj(properties::retryDelay).map(Duration::toSeconds))
        .containsExactly(1L, 2L, 4L, 8L, 16L, 32L, 60L, 60L, 60L);
  }

  private static OutboxProperties properties(int maxAttempts, Duration firstRetryDelay) {
    return new OutboxProperties(
        false, Duration.ofSeconds(1), 100, maxAttempts, firstRetryDelay, Duration.ofSeconds(60));
  }

  private static SignalRelay relay(OutboxProperties properties) {
    return new SignalRelay(jdbc, transaction.getTransactionManager(), relayClient, properties);
  }

  private static PrometheusMeterRegistry registryWithBacklog() {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    new OutboxBacklog(jdbc, "signals-test", Duration.ZERO).bindTo(registry);
    return registry;
  }

  private static WorkflowStub startWaitingWorkflow() {
    WakeUpWorkflow workflow =
        temporal
            .getWorkflowClient()
            .newWorkflowStub(
                WakeUpWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setWorkflowId("order-" + UUID.randomUUID())
                    .setTaskQueue(TASK_QUEUE)
                    .build());
    WorkflowClient.start(workflow::awaitWakeUp);
    return WorkflowStub.fromTyped(workflow);
  }

  private static void enqueue(String workflowId) {
    transaction.executeWithoutResult(status -> outbox.enqueue(workflowId, WakeUpWorkflow.SIGNAL));
  }

  private static Map<String, Object> row(String workflowId) {
    return jdbc.queryForMap(
        "select attempts, last_error, dead_at,"
            + " extract(epoch from next_attempt_at - now())::float8 as retry_in_seconds"
            + " from signal_outbox where workflow_id = ?",
        workflowId);
  }
}
