package dev.lotussaga.observability.tracing;

import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfigurationImportFilter;
import org.springframework.boot.autoconfigure.AutoConfigurationMetadata;
import org.springframework.context.EnvironmentAware;
import org.springframework.core.env.Environment;

/**
 * Leaves out every tracing auto-configuration unless {@code management.tracing.enabled=true}
 * ({@code LOTUS_TRACING_ENABLED}), so that tracing switched off costs nothing.
 *
 * <p>Boot's own switch is not enough: with the OpenTelemetry jars present, Spring Boot 3.5 builds
 * the SDK, a Micrometer tracer that records a share of all requests, and span processors whatever
 * {@code management.tracing.enabled} says (it only stops export and propagation). Temporal's
 * starter then wraps that SDK in an OpenTracing tracer and puts its interceptors on every client
 * and worker. Off, the services start as if the tracing jars were not there.
 */
public class TracingSwitch implements AutoConfigurationImportFilter, EnvironmentAware {

  static final String ENABLED = "management.tracing.enabled";

  /** Package or class names of the auto-configurations that exist only for tracing. */
  static final List<String> TRACING_ONLY =
      List.of(
          "org.springframework.boot.actuate.autoconfigure.tracing.",
          "org.springframework.boot.actuate.autoconfigure.opentelemetry.",
          "org.springframework.boot.actuate.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
          "org.springframework.boot.actuate.autoconfigure.logging.otlp.",
          "io.temporal.spring.boot.autoconfigure.OpenTracingAutoConfiguration");

  private boolean enabled;

  @Override
  public void setEnvironment(Environment environment) {
    enabled = environment.getProperty(ENABLED, Boolean.class, false);
  }

  @Override
  public boolean[] match(String[] autoConfigurations, AutoConfigurationMetadata metadata) {
    boolean[] kept = new boolean[autoConfigurations.length];
    for (int i = 0; i < autoConfigurations.length; i++) {
      kept[i] = enabled || !isTracingOnly(autoConfigurations[i]);
    }
    return kept;
  }

  private static boolean isTracingOnly(String autoConfiguration) {
    // The array holds null where an earlier filter already dropped a candidate.
    return autoConfiguration != null
        && TRACING_ONLY.stream().anyMatch(autoConfiguration::startsWith);
  }
}
