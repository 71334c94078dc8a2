package dev.lotussaga.observability.kafka;

import dev.lotussaga.observability.OrderLogContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.NestedExceptionUtils;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.JsonSerializer;

/**
 * Where a record that can never be processed goes: to {@code <topic>.DLT}, with the error and where
 * it came from in the {@code kafka_dlt-*} headers (a record that could not be read keeps its
 * original bytes), then counted in {@value #COUNTER} by consumer group and logged with its key, the
 * order id. When the dead-letter topic does not take it, this throws, and the record is tried again
 * rather than skipped.
 */
public class DeadLetters implements ConsumerAwareRecordRecoverer, DisposableBean {

  public static final String TOPIC_SUFFIX = ".DLT";
  public static final String COUNTER = "lotus.kafka.dead.letters";

  private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);
  private static final Pattern ID_SHAPED = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
  private static final int MAX_SHOWN = 300;

  private final DefaultKafkaProducerFactory<Object, Object> producers;
  private final DeadLetterPublishingRecoverer publisher;
  private final MeterRegistry registry;

  /** Publishes with the service's own producer settings ({@code producerConfig}). */
  public DeadLetters(Map<String, Object> producerConfig, MeterRegistry registry) {
    this.producers = new DefaultKafkaProducerFactory<>(producerConfig, asIs(), asIs());
    // No partition: the DLT's partition count need not match; the key picks it, as on the topic.
    this.publisher =
        new DeadLetterPublishingRecoverer(
            new KafkaTemplate<>(producers),
            (record, error) -> new TopicPartition(record.topic() + TOPIC_SUFFIX, -1));
    this.registry = registry;
  }

  /** Shows the counter at 0 before the first dead letter, so that a rate over it works at once. */
  public void countFor(String consumerGroup) {
    counter(consumerGroup);
  }

  @Override
  public void accept(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer, Exception error) {
    publisher.accept(record, consumer, error);
    String group = groupOf(consumer);
    counter(group).increment();
    try (OrderLogContext context = OrderLogContext.of(orderIdOf(record))) {
      log.error(
          "Dead letter: {} with key {} can never be processed by consumer {}; sent to {}{}: {}",
          KafkaUtils.format(record),
          printable(record.key()),
          group,
          record.topic(),
          TOPIC_SUFFIX,
          reason(error));
    }
  }

  /** The record's key when it looks like an order id, for the log context; otherwise null. */
  static String orderIdOf(ConsumerRecord<?, ?> record) {
    String key = text(record.key());
    return key != null && ID_SHAPED.matcher(key).matches() ? key : null;
  }

  static String printable(Object value) {
    String text = text(value);
    if (text == null) {
      return "(none)";
    }
    String shown = text.replaceAll("\\p{Cntrl}", "?");
    return shown.length() > MAX_SHOWN ? shown.substring(0, MAX_SHOWN) + "…" : shown;
  }

  static String reason(Exception error) {
    Throwable cause = NestedExceptionUtils.getMostSpecificCause(error);
    return printable(cause.getClass().getSimpleName() + ": " + cause.getMessage());
  }

  private static String text(Object value) {
    if (value instanceof byte[] bytes) {
      return new String(bytes, StandardCharsets.UTF_8);
    }
    return value == null ? null : value.toString();
  }

  private Counter counter(String consumerGroup) {
    return Counter.builder(COUNTER)
        .description("Kafka records that can never be processed, sent to the dead-letter topic")
        .tag("consumer", consumerGroup)
        .register(registry);
  }

  private static String groupOf(Consumer<?, ?> consumer) {
    try {
      if (consumer != null) {
        return consumer.groupMetadata().groupId();
      }
    } catch (RuntimeException noGroup) {
      // fall back to the group the container runs under
    }
    String group = KafkaUtils.getConsumerGroupId();
    return group == null ? "unknown" : group;
  }

  /**
   * Keys and values go out as they came in: the bytes of a record that could not be read, the text
   * of a key; a record read but refused later goes as JSON, as the saga publishes it.
   */
  private static Serializer<Object> asIs() {
    Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
    byType.put(byte[].class, new ByteArraySerializer());
    byType.put(String.class, new StringSerializer());
    byType.put(Object.class, new JsonSerializer<>().noTypeInfo());
    return new DelegatingByTypeSerializer(byType, true);
  }

  @Override
  public void destroy() {
    producers.destroy();
  }
}
