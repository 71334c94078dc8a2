package dev.lotussaga.observability.kafka;

import static dev.lotussaga.observability.kafka.EmbeddedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A listener behind the auto-configured error handler, reading order events as the gateway and the
 * notification service do, from a real (in-process) broker.
 */
@SpringBootTest(
    classes = KafkaErrorHandlingTest.Consumer.class,
    properties = {
      "spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
      "spring.kafka.consumer.group-id=" + KafkaErrorHandlingTest.GROUP,
      "spring.kafka.consumer.auto-offset-reset=earliest",
      "spring.kafka.consumer.key-deserializer=org.apache.kafka.common.serialization.StringDeserializer",
      "spring.kafka.consumer.value-deserializer=org.springframework.kafka.support.serializer.ErrorHandlingDeserializer",
      "spring.kafka.consumer.properties.spring.deserializer.value.delegate.class=org.springframework.kafka.support.serializer.JsonDeserializer",
      "spring.kafka.consumer.properties.spring.deserializer.validator.class=dev.lotussaga.observability.kafka.OrderEventValidator",
      "spring.kafka.consumer.properties.spring.json.value.default.type=dev.lotussaga.contracts.events.OrderEvent",
      "spring.kafka.consumer.properties.spring.json.use.type.headers=false",
      "lotus.kafka.retry.initial-interval=10ms",
      "lotus.kafka.retry.max-interval=50ms"
    })
@EmbeddedKafka(
    kraft = true,
    partitions = 1,
    topics = {OrderEventActivities.TOPIC, KafkaErrorHandlingTest.DLT})
class KafkaErrorHandlingTest {

  static final String GROUP = "observability-test";
  static final String DLT = OrderEventActivities.TOPIC + DeadLetters.TOPIC_SUFFIX;
  private static final String TOPIC = OrderEventActivities.TOPIC;

  /** More failures in a row than Spring Kafka's default handler tries (10) before it skips. */
  private static final int FAILURES_IN_A_ROW = 12;

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired FlakyListener listener;
  @Autowired MeterRegistry metrics;

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAsItCameAndTheNextOneIsProcessed()
      throws Exception {
    String key = UUID.randomUUID().toString();
    byte[] poison = "this is not JSON {".getBytes(StandardCharsets.UTF_8);
    double before = deadLettersCounted();
    String next = key + "-1";

    EmbeddedTopics.publish(broker, TOPIC, key, poison);
    EmbeddedTopics.publish(broker, TOPIC, key, event(next, key));

    awaitProcessed(next);
    ConsumerRecord<String, byte[]> dead = EmbeddedTopics.awaitRecord(broker, DLT, key);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_TOPIC)).isEqualTo(TOPIC);
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo(GROUP);
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_FQCN))
        .isEqualTo(DeserializationException.class.getName());
    assertThat(deadLettersCounted() - before).isEqualTo(1.0);
  }

  @Test
  void anEventWithoutItsOrderIdIsADeadLetterWithItsBytes() throws Exception {
    String key = UUID.randomUUID().toString();
    byte[] withoutOrderId =
        ("{\"eventId\":\""
                + key
                + "-1\",\"userId\":7,\"state\":\"ValidatingStock\","
                + "\"occurredAt\":\"2026-11-25T10:00:00Z\"}")
            .getBytes(StandardCharsets.UTF_8);

    EmbeddedTopics.publish(broker, TOPIC, key, withoutOrderId);

    ConsumerRecord<String, byte[]> dead = EmbeddedTopics.awaitRecord(broker, DLT, key);
    assertThat(dead.value()).isEqualTo(withoutOrderId);
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE))
        .contains("order event without orderId");
    assertThat(listener.processed).doesNotContain(key + "-1");
  }

  @Test
  void aRecordThatKeepsFailingForAWhileIsRetriedUntilItIsProcessed() throws Exception {
    String orderId = UUID.randomUUID().toString();
    String eventId = orderId + "-1";
    listener.failuresLeft.put(eventId, new AtomicInteger(FAILURES_IN_A_ROW));
    double before = deadLettersCounted();

    EmbeddedTopics.publish(broker, TOPIC, orderId, event(eventId, orderId));

    awaitProcessed(eventId);
    assertThat(listener.failuresLeft.get(eventId).get()).isNegative();
    assertThat(EmbeddedTopics.withKey(EmbeddedTopics.readAll(broker, DLT), orderId)).isEmpty();
    assertThat(deadLettersCounted()).isEqualTo(before);
  }

  @SpringBootConfiguration
  @EnableAutoConfiguration
  static class Consumer {

    @Bean
    FlakyListener flakyListener() {
      return new FlakyListener();
    }
  }

  /** Fails an event as often as a test says (the database is down), then processes it. */
  static class FlakyListener {

    final Map<String, AtomicInteger> failuresLeft = new ConcurrentHashMap<>();
    final Set<String> processed = ConcurrentHashMap.newKeySet();

    @KafkaListener(topics = OrderEventActivities.TOPIC)
    void on(OrderEvent event) {
      AtomicInteger left = failuresLeft.get(event.eventId());
      if (left != null && left.getAndDecrement() > 0) {
        throw new TransientDataAccessResourceException("the database is down");
      }
      processed.add(event.eventId());
    }
  }

  private static byte[] event(String eventId, String orderId) {
    return ("{\"eventId\":\""
            + eventId
            + "\",\"orderId\":\""
            + orderId
            + "\",\"userId\":7,"
            + "\"state\":\"ValidatingStock\",\"occurredAt\":\"2026-11-25T10:00:00Z\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private double deadLettersCounted() {
    Counter counter = metrics.find(DeadLetters.COUNTER).tag("consumer", GROUP).counter();
    return counter == null ? 0 : counter.count();
  }

  private void awaitProcessed(String eventId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!listener.processed.contains(eventId) && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(listener.processed).as("processed within 30 s").contains(eventId);
  }
}
