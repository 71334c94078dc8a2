package dev.lotussaga.observability.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.observation.Observation;
import org.junit.jupiter.api.Test;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

class ScheduledRunsUnobservedTest {

  private final ScheduledRunsUnobserved predicate = new ScheduledRunsUnobserved();

  @Test
  void observesEverythingButScheduledRuns() throws Exception {
    Object relay = new Object();
    ScheduledTaskObservationContext poll =
        new ScheduledTaskObservationContext(relay, Object.class.getMethod("toString"));
    assertThat(predicate.test("tasks.scheduled.execution", poll)).isFalse();
    assertThat(predicate.test("http.server.requests", new Observation.Context())).isTrue();
  }
}
