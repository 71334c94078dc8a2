package dev.lotussaga.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * The minimal saga's one consumer group: stores each event in one transaction of its own; a
 * redelivered event finds its row and is dropped. Offsets are committed once a second, as the
 * saga's consumers do.
 */
final class MinimalEventStore implements AutoCloseable {

  static final String GROUP = "bench-minimal";

  private static final ObjectMapper JSON = new ObjectMapper();

  private final DataSource db;
  private final KafkaConsumer<String, String> consumer;
  private final Thread poller;
  private volatile boolean running = true;

  MinimalEventStore(String bootstrapServers, DataSource db) {
    this.db = db;
    this.consumer =
        new KafkaConsumer<>(
            Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                GROUP,
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                true,
                ConsumerConfig.AUTO_COMMIT_INTERVAL_MS_CONFIG,
                1000),
            new StringDeserializer(),
            new StringDeserializer());
    this.poller = new Thread(this::consume, "bench-minimal-consumer");
    poller.setDaemon(true);
    poller.start();
  }

  private void consume() {
    try {
      consumer.subscribe(List.of(MinimalOrderStepsImpl.TOPIC));
      while (running) {
        ConsumerRecords<String, String> records = consumer.poll(Duration.ofSeconds(1));
        if (records.isEmpty()) {
          continue;
        }
        try (Connection c = db.getConnection();
            PreparedStatement store =
                c.prepareStatement(
                    "insert into bench_minimal.order_event (order_id, type, body) values (?, ?, ?)"
                        + " on conflict do nothing")) {
          for (ConsumerRecord<String, String> record : records) {
            JsonNode event = JSON.readTree(record.value());
            store.setString(1, event.get("orderId").asText());
            store.setString(2, event.get("type").asText());
            store.setString(3, record.value());
            store.executeUpdate(); // auto-commit: one transaction per event
          }
        }
      }
    } catch (WakeupException e) {
      // closing
    } catch (Exception e) {
      System.err.println("bench: the minimal saga's consumer stopped: " + e);
    } finally {
      consumer.close();
    }
  }

  @Override
  public void close() throws InterruptedException {
    running = false;
    consumer.wakeup();
    poller.join(5000);
  }
}
