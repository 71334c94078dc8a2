package dev.lotussaga.observability.tracing;

import io.micrometer.tracing.exporter.SpanExportingPredicate;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.tracing.SpanExporters;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;

/**
 * With tracing on: each span exporter reports an outage of its collector in one line, and neither
 * requests to {@code /actuator} nor scheduled polls are traced.
 */
@AutoConfiguration(before = OpenTelemetryTracingAutoConfiguration.class)
@ConditionalOnBooleanProperty(TracingSwitch.ENABLED)
@ConditionalOnClass(SpanExporters.class)
public class TracingAutoConfiguration {

  /** Replaces Boot's own list of the exporters that the batch span processor sends to. */
  @Bean
  SpanExporters spanExporters(ObjectProvider<SpanExporter> exporters) {
    return SpanExporters.of(
        exporters.orderedStream().<SpanExporter>map(OutageLoggingSpanExporter::new).toList());
  }

  /** Kubernetes' probes and Prometheus' scrapes would add a trace every few seconds per service. */
  @Bean
  SpanExportingPredicate actuatorRequestsLeftOut() {
    return span -> !String.valueOf(span.getTags().get("uri")).startsWith("/actuator");
  }

  @Bean
  ScheduledRunsUnobserved scheduledRunsUnobserved() {
    return new ScheduledRunsUnobserved();
  }
}
