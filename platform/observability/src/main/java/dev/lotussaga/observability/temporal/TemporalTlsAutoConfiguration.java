package dev.lotussaga.observability.temporal;

import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives the Temporal starter's service stubs the TLS context of {@link TemporalTlsProperties}. The
 * starter applies every customizer of this type, so a service's own (the gateway's query timeout)
 * still applies.
 */
@AutoConfiguration
@ConditionalOnClass(TemporalOptionsCustomizer.class)
@EnableConfigurationProperties(TemporalTlsProperties.class)
public class TemporalTlsAutoConfiguration {

  @Bean
  TemporalOptionsCustomizer<WorkflowServiceStubsOptions.Builder> temporalTls(
      TemporalTlsProperties tls) {
    return options -> {
      TemporalTls.sslContext(tls).ifPresent(options::setSslContext);
      return options;
    };
  }
}
