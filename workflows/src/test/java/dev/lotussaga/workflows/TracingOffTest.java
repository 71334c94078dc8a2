package dev.lotussaga.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.OrderEventActivities;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.temporal.client.WorkflowClient;
import io.temporal.opentracing.OpenTracingClientInterceptor;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.context.ActiveProfiles;

/** Tracing is off unless switched on, and then costs nothing: nothing of it is even created. */
@SpringBootTest
@ActiveProfiles("test")
// Spring Boot switches tracing off in tests of its own accord; here only the default may.
@AutoConfigureObservability(metrics = false)
@EmbeddedKafka(kraft = true, partitions = 3, topics = OrderEventActivities.TOPIC)
class TracingOffTest {

  @Autowired ApplicationContext context;
  @Autowired WorkflowClient workflows;

  @Test
  void byDefaultNoTracerNoExporterAndNoTemporalTracingInterceptors() {
    assertThat(workflows.getOptions().getInterceptors())
        .noneMatch(OpenTracingClientInterceptor.class::isInstance);
    // Temporal's starter puts its worker interceptor on the workers only with this tracer.
    assertThat(context.getBeanNamesForType(io.opentracing.Tracer.class)).isEmpty();
    assertThat(context.getBeanNamesForType(OpenTelemetry.class)).isEmpty();
    assertThat(context.getBeanNamesForType(io.micrometer.tracing.Tracer.class)).isEmpty();
    assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
  }
}
