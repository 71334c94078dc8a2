package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Publishes order events as the saga's worker does, for the gateway's listener to record. */
final class OrderEventPublisher {

  private OrderEventPublisher() {}

  static void publish(EmbeddedKafkaBroker broker, OrderEvent event) throws Exception {
    KafkaTemplate<String, OrderEvent> kafka =
        new KafkaTemplate<>(
            new DefaultKafkaProducerFactory<>(
                Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.getBrokersAsString(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG,
                    StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG,
                    JsonSerializer.class,
                    JsonSerializer.ADD_TYPE_INFO_HEADERS,
                    false)));
    try {
      kafka.send(OrderEventActivities.TOPIC, event.orderId(), event).get();
    } finally {
      kafka.destroy();
    }
  }
}
