package dev.lotussaga.observability;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.clients.admin.DescribeClusterResult;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Up while a Kafka broker of the configured cluster answers a cluster description. Down says why in
 * one detail, without a stack trace in the log: probes ask every few seconds during an outage.
 */
public class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

  private final KafkaAdmin admin;
  private final Duration timeout;
  private AdminClient client;

  public KafkaHealthIndicator(KafkaAdmin admin, Duration timeout) {
    super("Kafka is unreachable");
    this.admin = admin;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) throws InterruptedException {
    try {
      DescribeClusterResult cluster =
          client()
              .describeCluster(new DescribeClusterOptions().timeoutMs((int) timeout.toMillis()));
      String clusterId = cluster.clusterId().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      int brokers = cluster.nodes().get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
      health.up().withDetail("clusterId", clusterId).withDetail("brokers", brokers);
    } catch (ExecutionException | TimeoutException e) {
      Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
      health.down().withDetail("error", cause.getClass().getSimpleName());
    }
  }

  private synchronized AdminClient client() {
    if (client == null) {
      client = AdminClient.create(admin.getConfigurationProperties());
    }
    return client;
  }

  @Override
  public synchronized void destroy() {
    if (client != null) {
      client.close(Duration.ofSeconds(1));
    }
  }
}
