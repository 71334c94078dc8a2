package dev.lotussaga.faults;

import dev.lotussaga.contracts.events.OrderEventActivities;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code ./lotus replay-dead-letters}, after the fix: publishes every record of {@code
 * lotus.order-events.DLT} that was not replayed before back to {@code lotus.order-events}, with its
 * key, its value bytes and its original headers (without the {@code kafka_dlt-*} headers of the
 * dead-lettering), each original record once although every consumer group dead-lettered its own
 * copy. Consumer group {@value #GROUP} keeps how far it got. The consumers drop events they
 * processed before, so replaying a record twice is harmless; one that still cannot be processed
 * goes to the dead-letter topic again. Any Kafka ({@code LOTUS_KAFKA_BOOTSTRAP}).
 */
public final class DeadLetterReplay {

  static final String TOPIC = OrderEventActivities.TOPIC;
  static final String DEAD_LETTERS = TOPIC + ".DLT";
  static final String GROUP = "lotus-dead-letter-replay";

  private static final String DLT_HEADERS = "kafka_dlt-";
  private static final String DESERIALIZER_HEADERS = "springDeserializerException";
  private static final Duration PATIENCE = Duration.ofSeconds(30);

  private DeadLetterReplay() {}

  public static void main(String[] arguments) throws Exception {
    String bootstrap = System.getenv().getOrDefault("LOTUS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    try (KafkaConsumer<byte[], byte[]> consumer = consumer(bootstrap);
        KafkaProducer<byte[], byte[]> producer = producer(bootstrap)) {
      List<PartitionInfo> partitionInfos = consumer.partitionsFor(DEAD_LETTERS, PATIENCE);
      if (partitionInfos == null || partitionInfos.isEmpty()) {
        System.out.printf(
            "replay-dead-letters: no topic %s at %s, nothing to replay%n", DEAD_LETTERS, bootstrap);
        return;
      }
      List<TopicPartition> partitions =
          partitionInfos.stream()
              .map(p -> new TopicPartition(DEAD_LETTERS, p.partition()))
              .toList();
      consumer.assign(partitions);
      // Only what is there now: a record dead-lettered again during the replay waits for the next.
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions, PATIENCE);
      Set<String> replayedOrigins = new HashSet<>();
      List<Future<RecordMetadata>> sent = new ArrayList<>();
      int copies = 0;
      while (partitions.stream().anyMatch(p -> consumer.position(p, PATIENCE) < end.get(p))) {
        for (ConsumerRecord<byte[], byte[]> dead : consumer.poll(Duration.ofMillis(500))) {
          TopicPartition partition = new TopicPartition(dead.topic(), dead.partition());
          if (dead.offset() >= end.get(partition)) {
            continue;
          }
          if (!replayedOrigins.add(origin(dead))) {
            copies++;
            continue;
          }
          sent.add(
              producer.send(
                  new ProducerRecord<>(
                      TOPIC, null, dead.key(), dead.value(), originalHeaders(dead))));
          System.out.printf(
              "replay-dead-letters: %s with key %s (dead-lettered by %s: %s)%n",
              origin(dead),
              text(dead.key()),
              header(dead, DLT_HEADERS + "original-consumer-group"),
              header(dead, DLT_HEADERS + "exception-message"));
        }
      }
      producer.flush();
      for (Future<RecordMetadata> acknowledged : sent) {
        acknowledged.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
      }
      Map<TopicPartition, OffsetAndMetadata> replayedUpTo = new LinkedHashMap<>();
      end.forEach(
          (partition, offset) -> replayedUpTo.put(partition, new OffsetAndMetadata(offset)));
      consumer.commitSync(replayedUpTo, PATIENCE);
      System.out.printf(
          "replay-dead-letters: replayed %d dead letters from %s to %s (%d more copies of the same"
              + " records, dead-lettered by another consumer group, left out); consumer group %s"
              + " remembers how far it got%n",
          sent.size(), DEAD_LETTERS, TOPIC, copies, GROUP);
    }
  }

  /** Where the record was before it was dead-lettered; the same for every group's copy. */
  private static String origin(ConsumerRecord<byte[], byte[]> dead) {
    Header topic = dead.headers().lastHeader(DLT_HEADERS + "original-topic");
    Header partition = dead.headers().lastHeader(DLT_HEADERS + "original-partition");
    Header offset = dead.headers().lastHeader(DLT_HEADERS + "original-offset");
    if (topic == null || partition == null || offset == null) {
      return dead.topic() + "-" + dead.partition() + "@" + dead.offset();
    }
    return new String(topic.value(), StandardCharsets.UTF_8)
        + "-"
        + ByteBuffer.wrap(partition.value()).getInt()
        + "@"
        + ByteBuffer.wrap(offset.value()).getLong();
  }

  private static RecordHeaders originalHeaders(ConsumerRecord<byte[], byte[]> dead) {
    RecordHeaders headers = new RecordHeaders();
    for (Header header : dead.headers()) {
      if (!header.key().startsWith(DLT_HEADERS) && !header.key().startsWith(DESERIALIZER_HEADERS)) {
        headers.add(header);
      }
    }
    return headers;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? "?" : text(header.value());
  }

  private static String text(byte[] bytes) {
    return bytes == null
        ? "(none)"
        : new String(bytes, StandardCharsets.UTF_8).replaceAll("\\p{Cntrl}", "?");
  }

  private static KafkaConsumer<byte[], byte[]> consumer(String bootstrap) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ConsumerConfig.GROUP_ID_CONFIG,
            GROUP,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false,
            ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
            "earliest"),
        new ByteArrayDeserializer(),
        new ByteArrayDeserializer());
  }

  private static KafkaProducer<byte[], byte[]> producer(String bootstrap) {
    return new KafkaProducer<>(
        Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
            bootstrap,
            ProducerConfig.ACKS_CONFIG,
            "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
            true),
        new ByteArraySerializer(),
        new ByteArraySerializer());
  }
}
