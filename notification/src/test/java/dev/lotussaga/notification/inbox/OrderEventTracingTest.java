package dev.lotussaga.notification.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderState;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** With tracing on, an event's record continues the trace named in its traceparent header. */
@SpringBootTest(
    properties = {
      "management.tracing.enabled=true",
      "spring.kafka.listener.observation-enabled=true",
      // No collector here: the spans go to the in-memory exporter below, every 50 ms.
      "management.otlp.tracing.export.enabled=false",
      "management.tracing.opentelemetry.export.schedule-delay=50ms"
    })
@ActiveProfiles("test")
// Spring Boot switches tracing off in tests unless asked to leave it to the configuration.
@AutoConfigureObservability(metrics = false)
@EmbeddedKafka(kraft = true, partitions = 3, topics = OrderEventActivities.TOPIC)
class OrderEventTracingTest {

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;
  @Autowired InMemorySpanExporter exported;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

  @Test
  void consumingARecordWithATraceparentContinuesItsTrace() throws Exception {
    String traceId = randomHex(16);
    String publisherSpanId = randomHex(8);
    String orderId = UUID.randomUUID().toString();
    OrderEvent paid =
        new OrderEvent(
            orderId + "-1",
            orderId,
            buyer,
            OrderState.ValidatingStock,
            null,
            NotificationType.ORDER_PAID,
            "Paid 10.00",
            Instant.parse("2026-11-25T10:00:00Z"));
    ProducerRecord<String, OrderEvent> record =
        new ProducerRecord<>(OrderEventActivities.TOPIC, orderId, paid);
    record
        .headers()
        .add(
            "traceparent",
            ("00-" + traceId + "-" + publisherSpanId + "-01").getBytes(StandardCharsets.UTF_8));

    KafkaTemplate<String, OrderEvent> kafka = OrderEventProducer.to(broker);
    try {
      kafka.send(record).get();
    } finally {
      kafka.destroy();
    }

    List<SpanData> received = awaitSpansOf(traceId);
    assertThat(received).as("spans of trace %s", traceId).isNotEmpty();
    assertThat(received)
        .anySatisfy(
            span -> {
              assertThat(span.getName()).isEqualTo(OrderEventActivities.TOPIC + " receive");
              assertThat(span.getParentSpanId()).isEqualTo(publisherSpanId);
            });
    assertThat(
            jdbc.queryForObject(
                "select count(*) from notification where user_id = ?", Integer.class, buyer))
        .as("the event was stored as before")
        .isEqualTo(1);
  }

  private List<SpanData> awaitSpansOf(String traceId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    List<SpanData> spans = List.of();
    while (spans.isEmpty() && System.nanoTime() < deadline) {
      Thread.sleep(50);
      spans =
          exported.getFinishedSpanItems().stream()
              .filter(span -> span.getTraceId().equals(traceId))
              .toList();
    }
    return spans;
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }

  @TestConfiguration
  static class Collector {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }
  }
}
