package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;

/** Publishes order events as the saga's publisher does: JSON, keyed by order, no type headers. */
final class OrderEventProducer {

  private OrderEventProducer() {}

  static KafkaTemplate<String, OrderEvent> to(EmbeddedKafkaBroker broker) {
    return new KafkaTemplate<>(
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
  }
}
