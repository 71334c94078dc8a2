package dev.lotussaga.localstack;

import static dev.lotussaga.localstack.LocalKafka.ORDER_EVENTS_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaTest {

  private static final TopicPartition PARTITION = new TopicPartition(ORDER_EVENTS_TOPIC, 0);
  private static final String GROUP = "restart-test";

  @TempDir Path dataDirectory;

  @Test
  void keepsEventsAndCommittedOffsetsAcrossARestart() throws Exception {
    int port = LoopbackPorts.free();
    try (LocalKafka kafka = LocalKafka.start(port, Optional.of(dataDirectory))) {
      try (var producer = producer(kafka)) {
        for (String event : List.of("placed", "paid", "reserved", "in-delivery")) {
          producer.send(new ProducerRecord<>(ORDER_EVENTS_TOPIC, 0, "order-1", event)).get();
        }
      }
      try (var consumer = consumer(kafka)) {
        consumer.commitSync(Map.of(PARTITION, new OffsetAndMetadata(2)));
      }
    }

    try (LocalKafka kafka = LocalKafka.start(port, Optional.of(dataDirectory));
        var consumer = consumer(kafka)) {
      assertThat(consumer.committed(Set.of(PARTITION)).get(PARTITION).offset()).isEqualTo(2);
      assertThat(readAll(consumer)).containsExactly("placed", "paid", "reserved", "in-delivery");
    }
  }

  private static List<String> readAll(KafkaConsumer<String, String> consumer) {
    consumer.assign(List.of(PARTITION));
    consumer.seekToBeginning(List.of(PARTITION));
    List<String> events = new ArrayList<>();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (events.size() < 4 && System.nanoTime() < deadline) {
      consumer.poll(Duration.ofMillis(200)).forEach(event -> events.add(event.value()));
    }
    return events;
  }

  private static KafkaProducer<String, String> producer(LocalKafka kafka) {
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()),
        new StringSerializer(),
        new StringSerializer());
  }

  private static KafkaConsumer<String, String> consumer(LocalKafka kafka) {
    return new KafkaConsumer<>(
        Map.of(
            ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
            kafka.bootstrapServers(),
            ConsumerConfig.GROUP_ID_CONFIG,
            GROUP,
            ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
            false),
        new StringDeserializer(),
        new StringDeserializer());
  }
}
