package dev.lotussaga.observability.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class TracingSwitchTest {

  private static final String[] CANDIDATES = {
    "org.springframework.boot.actuate.autoconfigure.opentelemetry.OpenTelemetryAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.tracing.OpenTelemetryTracingAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.tracing.MicrometerTracingAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.tracing.otlp.OtlpTracingAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.logging.OpenTelemetryLoggingAutoConfiguration",
    "io.temporal.spring.boot.autoconfigure.OpenTracingAutoConfiguration",
    "io.temporal.spring.boot.autoconfigure.RootNamespaceAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.observation.ObservationAutoConfiguration",
    "org.springframework.boot.actuate.autoconfigure.logging.LogFileWebEndpointAutoConfiguration",
    null
  };

  @Test
  void leavesOutEveryTracingAutoConfigurationWhenTracingIsNotSwitchedOn() {
    assertThat(keptBy(new MockEnvironment()))
        .containsExactly(false, false, false, false, false, false, true, true, true, true);
    assertThat(keptBy(new MockEnvironment().withProperty(TracingSwitch.ENABLED, "false")))
        .containsExactly(false, false, false, false, false, false, true, true, true, true);
  }

  @Test
  void keepsEverythingWhenTracingIsOn() {
    assertThat(keptBy(new MockEnvironment().withProperty(TracingSwitch.ENABLED, "true")))
        .containsOnly(true);
  }

  private static boolean[] keptBy(MockEnvironment environment) {
    TracingSwitch tracingSwitch = new TracingSwitch();
    tracingSwitch.setEnvironment(environment);
    return tracingSwitch.match(CANDIDATES, null);
  }
}
