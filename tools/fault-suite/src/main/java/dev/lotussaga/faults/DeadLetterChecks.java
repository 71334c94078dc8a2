package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.faults.PoisonRecords.Poison;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Nothing skipped, nothing stuck: both consumers of the order events (the gateway and the
 * notification service) consumed every record on the topic, and the dead-letter topic holds exactly
 * the poison records the suite published, one copy from each consumer group, with the bytes as
 * published; nothing else.
 */
final class DeadLetterChecks {

  static final String DEAD_LETTERS =
      "the dead-letter topic holds exactly the suite's poison records, once per consumer group";
  static final String CAUGHT_UP = "every consumer group consumed every order event";

  private static final String TOPIC = OrderEventActivities.TOPIC;
  private static final String DLT = TOPIC + ".DLT";
  private static final List<String> GROUPS = List.of("api-gateway", "notification");
  private static final String GROUP_HEADER = "kafka_dlt-original-consumer-group";
  private static final Duration PATIENCE = Duration.ofSeconds(120);

  private final String bootstrap;
  private final PoisonRecords poison;

  DeadLetterChecks(String bootstrap, PoisonRecords poison) {
    this.bootstrap = bootstrap;
    this.poison = poison;
  }

  /**
   * Waits, at most two minutes, until both consumer groups committed the end of every partition: a
   * consumer that retried through an outage may still be catching up when the orders have settled.
   */
  void awaitConsumers() throws Exception {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    Map<String, Long> lag = lag();
    while (lag.values().stream().anyMatch(behind -> behind > 0) && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      lag = lag();
    }
    if (lag.values().stream().anyMatch(behind -> behind > 0)) {
      say("consumers still behind after %s: %s", PATIENCE, lag);
    }
  }

  void check(Verdict verdict) throws Exception {
    lag()
        .forEach(
            (group, behind) ->
                verdict.holds(CAUGHT_UP, group, behind == 0, behind + " events not consumed yet"));
    List<Map<String, Object>> offending = new ArrayList<>();
    List<ConsumerRecord<String, byte[]>> deadLetters = deadLetters();
    List<Poison> published = poison.published();
    for (Poison record : published) {
      for (String group : GROUPS) {
        long copies =
            deadLetters.stream()
                .filter(dead -> record.key().equals(dead.key()))
                .filter(dead -> group.equals(header(dead, GROUP_HEADER)))
                .filter(dead -> Arrays.equals(record.value(), dead.value()))
                .count();
        if (copies != 1) {
          offending.add(row("poison " + record.key(), group, copies + " copies, expected 1"));
        }
      }
    }
    for (ConsumerRecord<String, byte[]> dead : deadLetters) {
      if (published.stream().noneMatch(record -> record.key().equals(dead.key()))) {
        offending.add(
            row(
                "unexpected " + dead.key(),
                header(dead, GROUP_HEADER),
                header(dead, "kafka_dlt-exception-message")));
      }
    }
    verdict.rows(
        DEAD_LETTERS, Math.max(deadLetters.size(), published.size() * GROUPS.size()), offending);
    verdict.covered(DEAD_LETTERS, !published.isEmpty(), "the suite published a poison record");
    verdict.covered(CAUGHT_UP, true, "the consumer groups exist");
  }

  /** Events on the topic that each consumer group has not committed yet. */
  private Map<String, Long> lag() throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      admin
          .describeTopics(List.of(TOPIC))
          .allTopicNames()
          .get(30, TimeUnit.SECONDS)
          .get(TOPIC)
          .partitions()
          .forEach(p -> latest.put(new TopicPartition(TOPIC, p.partition()), OffsetSpec.latest()));
      var end = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
      Map<String, Long> lag = new LinkedHashMap<>();
      for (String group : GROUPS) {
        Map<TopicPartition, OffsetAndMetadata> committed =
            admin
                .listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(30, TimeUnit.SECONDS);
        long behind = 0;
        for (TopicPartition partition : latest.keySet()) {
          OffsetAndMetadata at = committed.get(partition);
          behind += end.get(partition).offset() - (at == null ? 0 : at.offset());
        }
        lag.put(group, behind);
      }
      return lag;
    }
  }

  /** Everything on the dead-letter topic, read from its beginning. */
  private List<ConsumerRecord<String, byte[]>> deadLetters() {
    try (KafkaConsumer<String, byte[]> consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrap,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false),
            new StringDeserializer(),
            new ByteArrayDeserializer())) {
      List<TopicPartition> partitions =
          consumer.partitionsFor(DLT, Duration.ofSeconds(30)).stream()
              .map(p -> new TopicPartition(DLT, p.partition()))
              .toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
      while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
        consumer.poll(Duration.ofMillis(500)).forEach(records::add);
      }
      return records;
    }
  }

  private static Map<String, Object> row(String record, String group, String what) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("record", record);
    row.put("consumerGroup", group);
    row.put("found", what);
    return row;
  }

  private static String header(ConsumerRecord<?, ?> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }
}
