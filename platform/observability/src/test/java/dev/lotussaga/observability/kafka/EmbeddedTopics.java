package dev.lotussaga.observability.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.utils.KafkaTestUtils;

/**
 * Raw records on the topics of an embedded broker, for the consumers' dead-letter tests (shared
 * with the services through this module's test jar): bytes in as they are, and everything on a
 * topic read back from its beginning.
 */
public final class EmbeddedTopics {

  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private EmbeddedTopics() {}

  /** The dead-letter topic of {@code topic}. */
  public static String deadLettersOf(String topic) {
    return topic + DeadLetters.TOPIC_SUFFIX;
  }

  public static void publish(EmbeddedKafkaBroker broker, String topic, String key, byte[] value)
      throws Exception {
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            KafkaTestUtils.producerProps(broker),
            new StringSerializer(),
            new ByteArraySerializer())) {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    }
  }

  /**
   * The values under one key in one produce request, so in one record batch on the broker: a
   * consumer's poll gets all of them or none.
   */
  public static void publishTogether(
      EmbeddedKafkaBroker broker, String topic, String key, List<byte[]> values) throws Exception {
    Map<String, Object> props = KafkaTestUtils.producerProps(broker);
    props.put(ProducerConfig.LINGER_MS_CONFIG, 60_000);
    props.put(ProducerConfig.BATCH_SIZE_CONFIG, 1_000_000);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      for (byte[] value : values) {
        sent.add(producer.send(new ProducerRecord<>(topic, key, value)));
      }
      producer.flush();
      for (Future<RecordMetadata> each : sent) {
        each.get();
      }
    }
  }

  /** Everything on {@code topic} now, read from its beginning. */
  public static List<ConsumerRecord<String, byte[]>> readAll(
      EmbeddedKafkaBroker broker, String topic) {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            KafkaTestUtils.consumerProps("reader-" + UUID.randomUUID(), "false", broker),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(topic).stream()
              .map(partition -> new TopicPartition(topic, partition.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  /** The first record on {@code topic} with {@code key}, waiting up to 30 s for it to arrive. */
  public static ConsumerRecord<String, byte[]> awaitRecord(
      EmbeddedKafkaBroker broker, String topic, String key) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Optional<ConsumerRecord<String, byte[]>> found = withKey(readAll(broker, topic), key);
    while (found.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(200);
      found = withKey(readAll(broker, topic), key);
    }
    assertThat(found).as("a record with key %s on %s within %s", key, topic, PATIENCE).isPresent();
    return found.get();
  }

  public static Optional<ConsumerRecord<String, byte[]>> withKey(
      List<ConsumerRecord<String, byte[]>> records, String key) {
    return records.stream().filter(record -> key.equals(record.key())).findFirst();
  }

  /** A header's value as text; null when the record has none of that name. */
  public static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
