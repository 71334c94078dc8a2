package dev.lotussaga.observability.tracing;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationPredicate;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * Leaves {@code @Scheduled} runs unobserved while tracing is on: the signal outbox relays and the
 * gateway's starter poll several times a second, and a trace per poll would bury the orders'
 * traces. What a run sends (a signal, a workflow start) starts a trace of its own. Boot's tracing
 * cannot leave out an observation it measures, so the runs' timer {@code tasks.scheduled.execution}
 * goes too.
 */
class ScheduledRunsUnobserved implements ObservationPredicate {

  @Override
  public boolean test(String name, Observation.Context context) {
    return !(context instanceof ScheduledTaskObservationContext);
  }
}
