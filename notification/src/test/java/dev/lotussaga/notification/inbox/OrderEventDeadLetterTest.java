package dev.lotussaga.notification.inbox;

import static dev.lotussaga.observability.kafka.EmbeddedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.observability.kafka.DeadLetters;
import dev.lotussaga.observability.kafka.EmbeddedTopics;
import dev.lotussaga.observability.kafka.RefusingTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/**
 * Nothing is skipped: a record that can never be stored goes to the dead-letter topic and the next
 * one is stored; an event the database refuses for a while is stored once it accepts.
 */
@InboxTest
class OrderEventDeadLetterTest {

  private static final String TOPIC = OrderEventActivities.TOPIC;
  private static final String DLT = EmbeddedTopics.deadLettersOf(TOPIC);

  /** More refusals in a row than Spring Kafka's default handler tries (10) before it skips. */
  private static final int REFUSALS = 12;

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry metrics;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  private final String orderId = UUID.randomUUID().toString();

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextEventIsStored() throws Exception {
    byte[] poison = "{not an order event".getBytes(StandardCharsets.UTF_8);
    double before = deadLetters();

    EmbeddedTopics.publish(broker, TOPIC, orderId, poison);
    publish(paid());

    awaitStored(1);
    ConsumerRecord<String, byte[]> dead = EmbeddedTopics.awaitRecord(broker, DLT, orderId);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("notification");
    assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_STACKTRACE)).contains("JsonParseException");
    assertThat(deadLetters() - before).isEqualTo(1.0);
  }

  @Test
  void anEventTheDatabaseRefusesForAWhileIsStoredOnceItAccepts() throws Exception {
    OrderEvent paid = paid();
    try (RefusingTable table =
        RefusingTable.refusing(
            jdbc::execute, "notification", "notification", paid.eventId(), REFUSALS)) {

      publish(paid);

      awaitStored(1);
      assertThat(jdbc.queryForObject(table.triesQuery(), Long.class)).isGreaterThan(REFUSALS);
    }
    assertThat(EmbeddedTopics.withKey(EmbeddedTopics.readAll(broker, DLT), orderId)).isEmpty();
  }

  private OrderEvent paid() {
    return new OrderEvent(
        orderId + "-1",
        orderId,
        buyer,
        OrderState.ValidatingStock,
        null,
        NotificationType.ORDER_PAID,
        "Paid 100.00",
        Instant.parse("2026-11-25T10:00:00Z"));
  }

  private void publish(OrderEvent event) throws Exception {
    KafkaTemplate<String, OrderEvent> kafka = OrderEventProducer.to(broker);
    try {
      kafka.send(TOPIC, event.orderId(), event).get();
    } finally {
      kafka.destroy();
    }
  }

  private double deadLetters() {
    Counter counter = metrics.find(DeadLetters.COUNTER).tag("consumer", "notification").counter();
    return counter == null ? 0 : counter.count();
  }

  private void awaitStored(int count) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (stored() < count && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(stored()).as("notifications stored for the buyer within 30 s").isEqualTo(count);
  }

  private int stored() {
    return jdbc.queryForObject(
        "select count(*) from notification where user_id = ?", Integer.class, buyer);
  }
}
