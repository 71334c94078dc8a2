package dev.lotussaga.observability;

import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Health indicators {@code temporal} and {@code kafka} for the services that use them (each
 * service's readiness group lists its own), and the order id in activity log lines.
 */
@AutoConfiguration(
    afterName = {
      "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration",
      "org.springframework.boot.autoconfigure.kafka.KafkaAutoConfiguration"
    })
public class ObservabilityAutoConfiguration {

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(WorkflowServiceStubs.class)
  static class TemporalObservability {

    @Bean
    @ConditionalOnBean(WorkflowServiceStubs.class)
    @ConditionalOnEnabledHealthIndicator("temporal")
    TemporalHealthIndicator temporalHealthIndicator(
        WorkflowServiceStubs service, @Value("${lotus.health.timeout:2s}") Duration timeout) {
      return new TemporalHealthIndicator(service, timeout);
    }

    @Bean
    ActivityLogContext activityLogContext() {
      return new ActivityLogContext();
    }
  }

  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(KafkaAdmin.class)
  static class KafkaObservability {

    @Bean
    @ConditionalOnBean(KafkaAdmin.class)
    @ConditionalOnEnabledHealthIndicator("kafka")
    KafkaHealthIndicator kafkaHealthIndicator(
        KafkaAdmin admin, @Value("${lotus.health.timeout:2s}") Duration timeout) {
      return new KafkaHealthIndicator(admin, timeout);
    }
  }
}
