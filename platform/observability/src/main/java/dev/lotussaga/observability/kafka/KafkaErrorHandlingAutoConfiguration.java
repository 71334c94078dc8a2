package dev.lotussaga.observability.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;

/**
 * The error handler of every Kafka listener the service's Spring Boot sets up: retries without
 * limit, dead-letters what can never succeed (see the package). A service that declares a {@link
 * CommonErrorHandler} of its own keeps it.
 */
@AutoConfiguration(
    afterName = "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration")
@ConditionalOnClass(DefaultErrorHandler.class)
@ConditionalOnBean(ProducerFactory.class)
@EnableConfigurationProperties(KafkaRetryProperties.class)
public class KafkaErrorHandlingAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean
  DeadLetters deadLetters(
      ProducerFactory<?, ?> producers,
      ObjectProvider<MeterRegistry> registry,
      @Value("${spring.kafka.consumer.group-id:}") String consumerGroup) {
    DeadLetters deadLetters =
        new DeadLetters(
            producers.getConfigurationProperties(),
            registry.getIfAvailable(() -> Metrics.globalRegistry));
    if (!consumerGroup.isBlank()) {
      deadLetters.countFor(consumerGroup);
    }
    return deadLetters;
  }

  @Bean
  @ConditionalOnMissingBean
  PolledRecords polledRecords(
      ObjectProvider<ObservationRegistry> observations,
      @Value("${spring.kafka.listener.observation-enabled:false}") boolean observed,
      @Value("${spring.kafka.consumer.group-id:}") String consumerGroup) {
    return new PolledRecords(observed ? observations.getIfAvailable() : null, consumerGroup);
  }

  @Bean
  @ConditionalOnMissingBean(CommonErrorHandler.class)
  DefaultErrorHandler kafkaErrorHandler(DeadLetters deadLetters, KafkaRetryProperties retry) {
    return KafkaConsumerErrors.handler(deadLetters, retry);
  }
}
