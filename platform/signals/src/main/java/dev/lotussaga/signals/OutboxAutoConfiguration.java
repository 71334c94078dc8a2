package dev.lotussaga.signals;

import io.micrometer.core.instrument.binder.MeterBinder;
import io.temporal.client.WorkflowClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.PlatformTransactionManager;

@AutoConfiguration(
    afterName = {
      "io.temporal.spring.boot.autoconfigure.ServiceStubsAutoConfiguration",
      "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration",
      "io.temporal.spring.boot.autoconfigure.TestServerAutoConfiguration",
      "org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration",
      "org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration"
    })
@EnableConfigurationProperties(OutboxProperties.class)
@EnableScheduling
public class OutboxAutoConfiguration {

  @Bean
  SignalOutbox signalOutbox(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    return new SignalOutbox(jdbc, events);
  }

  /**
   * {@code lotus_outbox_pending}, {@code lotus_outbox_oldest_seconds}, {@code lotus_outbox_dead}.
   */
  @Bean
  MeterBinder outboxBacklog(
      JdbcTemplate jdbc, @Value("${spring.application.name:unknown}") String service) {
    return new OutboxBacklog(jdbc, service, OutboxBacklog.FRESH_FOR);
  }

  @Bean(destroyMethod = "close")
  @ConditionalOnBean(WorkflowClient.class)
  @ConditionalOnProperty(
      name = "lotus.outbox.relay-enabled",
      havingValue = "true",
      matchIfMissing = true)
  SignalRelay signalRelay(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      WorkflowClient workflows,
      OutboxProperties properties) {
    return new SignalRelay(jdbc, transactions, workflows, properties);
  }
}
