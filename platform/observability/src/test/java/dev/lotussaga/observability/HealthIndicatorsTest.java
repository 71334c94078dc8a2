package dev.lotussaga.observability;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

class HealthIndicatorsTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(2);

  @Test
  void temporalIsUpWhileTheFrontendAnswers() {
    try (TestWorkflowEnvironment temporal = TestWorkflowEnvironment.newInstance()) {
      Health health =
          new TemporalHealthIndicator(temporal.getWorkflowServiceStubs(), TIMEOUT).health();

      assertThat(health.getStatus()).as(health.toString()).isEqualTo(Status.UP);
    }
  }

  @Test
  void temporalIsDownWhenNothingListensAtTheTarget() throws IOException {
    WorkflowServiceStubs nowhere =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder()
                .setTarget("127.0.0.1:" + closedPort())
                .build());
    try {
      Health health = new TemporalHealthIndicator(nowhere, TIMEOUT).health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsKey("target");
    } finally {
      nowhere.shutdownNow();
    }
  }

  @Test
  void kafkaIsUpWhileABrokerDescribesTheCluster() throws Exception {
    EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
    broker.afterPropertiesSet();
    KafkaHealthIndicator kafka = kafkaAt(broker.getBrokersAsString());
    try {
      Health health = kafka.health();

      assertThat(health.getStatus()).isEqualTo(Status.UP);
      assertThat(health.getDetails()).containsEntry("brokers", 1);
    } finally {
      kafka.destroy();
      broker.destroy();
    }
  }

  @Test
  void kafkaIsDownWithinTheTimeoutWhenNoBrokerAnswers() throws IOException {
    KafkaHealthIndicator kafka = kafkaAt("127.0.0.1:" + closedPort());
    try {
      long started = System.nanoTime();
      Health health = kafka.health();

      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(TIMEOUT.multipliedBy(3));
    } finally {
      kafka.destroy();
    }
  }

  private static KafkaHealthIndicator kafkaAt(String bootstrap) {
    KafkaAdmin admin =
        new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap));
    return new KafkaHealthIndicator(admin, TIMEOUT);
  }

  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
