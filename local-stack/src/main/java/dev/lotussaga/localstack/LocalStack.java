package dev.lotussaga.localstack;

import io.temporal.testserver.TestServer;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Local only: Temporal's Java test server (a real gRPC endpoint, state in memory, timers in real
 * time) and a single-node Kafka broker in KRaft mode, in one process. Stops both on SIGINT/SIGTERM.
 *
 * <p>Ports come from LOTUS_TEMPORAL_PORT (7233) and LOTUS_KAFKA_PORT (9092).
 */
public final class LocalStack {

  static final String ORDER_EVENTS_TOPIC = "lotus.order-events";

  private LocalStack() {}

  public static void main(String[] args) throws InterruptedException {
    int temporalPort = port("LOTUS_TEMPORAL_PORT", 7233);
    int kafkaPort = port("LOTUS_KAFKA_PORT", 9092);

    var temporal = TestServer.createPortBoundServer(temporalPort);
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, 3);
    kafka.brokerProperty(
        "listeners", "EXTERNAL://127.0.0.1:" + kafkaPort + ",CONTROLLER://127.0.0.1:0");
    kafka.brokerProperty("advertised.listeners", "EXTERNAL://127.0.0.1:" + kafkaPort);
    kafka.brokerProperty("auto.create.topics.enable", "true");
    kafka.afterPropertiesSet();
    kafka.addTopics(new NewTopic(ORDER_EVENTS_TOPIC, 3, (short) 1));

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  kafka.destroy();
                  temporal.close();
                  stopped.countDown();
                },
                "local-stack-shutdown"));
    System.out.printf(
        "local-stack ready: temporal 127.0.0.1:%d, kafka %s%n",
        temporalPort, kafka.getBrokersAsString());
    stopped.await();
  }

  private static int port(String variable, int fallback) {
    String value = System.getenv(variable);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value);
  }
}
