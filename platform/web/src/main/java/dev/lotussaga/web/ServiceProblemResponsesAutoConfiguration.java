package dev.lotussaga.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Before Boot's own problem-details handler, which then steps aside for this one; an application
 * with a handler of its own (the gateway's {@code GatewayProblemResponses}) keeps it.
 */
@AutoConfiguration(before = WebMvcAutoConfiguration.class)
public class ServiceProblemResponsesAutoConfiguration {

  @Bean
  @ConditionalOnMissingBean(ResponseEntityExceptionHandler.class)
  ServiceProblemResponses serviceProblemResponses() {
    return new ServiceProblemResponses();
  }
}
