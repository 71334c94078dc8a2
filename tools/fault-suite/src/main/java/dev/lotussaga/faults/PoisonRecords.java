package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import dev.lotussaga.contracts.events.OrderEventActivities;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Records that no consumer can ever read (bytes that are not JSON), published to the order events
 * by round {@code poison} and remembered, to hold the dead-letter topic against. A header marks
 * them, so that the suite's own event log passes them by.
 */
final class PoisonRecords {

  record Poison(String key, byte[] value) {}

  private static final String HEADER = "lotus-faults";

  private final String bootstrap;
  private final List<Poison> published = new ArrayList<>();

  PoisonRecords(String bootstrap) {
    this.bootstrap = bootstrap;
  }

  synchronized void publishOne() {
    String key = "poison-" + UUID.randomUUID();
    byte[] value = ("{not an order event, " + key).getBytes(StandardCharsets.UTF_8);
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(OrderEventActivities.TOPIC, key, value);
    record.headers().add(HEADER, "poison".getBytes(StandardCharsets.UTF_8));
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(record).get(30, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("Cannot publish a poison record to " + record.topic(), e);
    }
    published.add(new Poison(key, value));
    say("poison: published a record that is not JSON to %s, key %s", record.topic(), key);
  }

  synchronized List<Poison> published() {
    return List.copyOf(published);
  }

  static boolean isPoison(ConsumerRecord<?, ?> record) {
    return record.headers().lastHeader(HEADER) != null;
  }
}
