package dev.lotussaga.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.faults.OrderEvents.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Every order event on the topic since the beginning, read by a consumer group of its own: the
 * independent record of what the saga published, to hold the notification store and the gateway
 * against. Copies of an event (same id) are counted, not kept; ids that follow neither form of
 * {@link OrderEvents} are kept aside for a check of their own.
 */
final class EventLog implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final KafkaConsumer<String, String> consumer;
  private final Map<String, Published> byOrder = new ConcurrentHashMap<>();
  private final Set<String> malformedIds = ConcurrentHashMap.newKeySet();
  private final AtomicLong copies = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicBoolean running = new AtomicBoolean(true);
  private final Thread poller;

  EventLog(String bootstrap) {
    Properties config = new Properties();
    config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
    config.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-suite-" + UUID.randomUUID());
    config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
    config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(OrderEventActivities.TOPIC));
    poller = new Thread(this::poll, "event-log");
    poller.setDaemon(true);
    poller.start();
  }

  private void poll() {
    try {
      while (running.get()) {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
          if (!PoisonRecords.isPoison(record)) {
            keep(record.value());
          }
        }
      }
    } catch (WakeupException stopping) {
      // close() woke the consumer up
    } finally {
      consumer.close(Duration.ofSeconds(2));
    }
  }

  private void keep(String value) {
    try {
      JsonNode event = JSON.readTree(value);
      String eventId = event.get("eventId").asText();
      String orderId = event.get("orderId").asText();
      received.incrementAndGet();
      int[] id = OrderEvents.parse(orderId, eventId);
      if (id == null) {
        malformedIds.add(eventId + " (order " + orderId + ")");
        return;
      }
      Event kept =
          new Event(
              eventId,
              id[0],
              id[1],
              text(event, "state"),
              text(event, "waitingFor"),
              text(event, "notification"));
      Published events = byOrder.computeIfAbsent(orderId, any -> new Published());
      synchronized (events) {
        if (!events.keep(kept)) {
          copies.incrementAndGet();
        }
      }
    } catch (Exception unreadable) {
      throw new IllegalStateException("Unreadable order event: " + value, unreadable);
    }
  }

  private static String text(JsonNode event, String field) {
    JsonNode value = event.get(field);
    return value == null || value.isNull() ? null : value.asText();
  }

  /** The order's distinct events so far; empty if none arrived yet. */
  OrderEvents of(String orderId) {
    Published events = byOrder.get(orderId);
    if (events == null) {
      return OrderEvents.copyOf(new TreeMap<>(), List.of());
    }
    synchronized (events) {
      return OrderEvents.copyOf(events.byGeneration, events.superseded);
    }
  }

  /** One order's events as consumed; guarded by itself. */
  private static final class Published {
    final Set<String> ids = new HashSet<>();
    final NavigableMap<Integer, NavigableMap<Integer, Event>> byGeneration = new TreeMap<>();
    final List<Event> superseded = new ArrayList<>();

    /** False for a copy of an event kept before. */
    boolean keep(Event event) {
      if (!ids.add(event.eventId())) {
        return false;
      }
      Event before =
          byGeneration
              .computeIfAbsent(event.generation(), any -> new TreeMap<>())
              .put(event.sequence(), event);
      if (before != null) {
        superseded.add(before);
      }
      return true;
    }
  }

  /**
   * Event ids that follow neither {@code <orderId>-<n>-<fingerprint>} nor {@code
   * <orderId>-r<g>-<n>-<fingerprint>}.
   */
  List<String> malformedIds() {
    return List.copyOf(malformedIds);
  }

  long received() {
    return received.get();
  }

  long copies() {
    return copies.get();
  }

  @Override
  public void close() throws InterruptedException {
    running.set(false);
    consumer.wakeup();
    poller.join(5_000);
  }
}
