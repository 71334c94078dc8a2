package dev.lotussaga.observability.tracing;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Silences OpenTelemetry's exporters, which log each failed export with a stack trace; {@link
 * OutageLoggingSpanExporter} reports an outage in one line instead. A default: a service's own
 * {@code logging.level} setting wins.
 */
public class TracingDefaults implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "lotusTracingDefaults",
                Map.of("logging.level.io.opentelemetry.exporter.internal", "off")));
  }
}
