package dev.lotussaga.gateway.system;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class TemporalClientSettings {

  /**
   * A query waits for a worker to answer. Past this bound GET /order/{id} answers from the stored
   * state instead of keeping the caller waiting.
   */
  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> boundedQueries() {
    return options -> options.setRpcQueryTimeout(Duration.ofSeconds(3));
  }
}
