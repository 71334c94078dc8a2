package dev.lotussaga.workflows.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderState;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/** The publisher activity against a real broker: keyed by order, plain JSON, acknowledged. */
@SpringBootTest
@ActiveProfiles("test")
@EmbeddedKafka(kraft = true, partitions = 3, topics = OrderEventActivities.TOPIC)
class OrderEventActivitiesImplTest {

  @Autowired OrderEventActivitiesImpl publisher;
  @Autowired EmbeddedKafkaBroker broker;

  @Test
  void publishesTheEventAsJsonKeyedByOrder() throws Exception {
    OrderEvent paid =
        new OrderEvent(
            "o-7-1",
            "o-7",
            42L,
            OrderState.ValidatingStock,
            null,
            NotificationType.ORDER_PAID,
            "Paid 100.00",
            Instant.parse("2026-11-25T10:00:00Z"));

    publisher.publishOrderEvent(paid);

    Map<String, Object> props = KafkaTestUtils.consumerProps("publisher-test", "true", broker);
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, OrderEventActivities.TOPIC);
      ConsumerRecord<String, String> record =
          KafkaTestUtils.getSingleRecord(
              consumer, OrderEventActivities.TOPIC, Duration.ofSeconds(20));

      assertThat(record.key()).isEqualTo("o-7");
      assertThat(record.headers().headers("__TypeId__")).as("no Java type headers").isEmpty();
      JsonNode json = new ObjectMapper().readTree(record.value());
      assertThat(json.get("eventId").asText()).isEqualTo("o-7-1");
      assertThat(json.get("state").asText()).isEqualTo("ValidatingStock");
      assertThat(json.get("notification").asText()).isEqualTo("ORDER_PAID");
      assertThat(json.get("userId").asLong()).isEqualTo(42L);
    }
  }
}
