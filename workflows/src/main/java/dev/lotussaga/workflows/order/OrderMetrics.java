package dev.lotussaga.workflows.order;

import com.uber.m3.tally.Scope;
import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * The saga's business metrics, recorded through the workflow's metrics scope: it is silent while a
 * workflow task is replayed, so a wait or a compensation is counted once however often its history
 * is replayed. The worker reports the scope to Micrometer, hence to {@code /actuator/prometheus}.
 */
final class OrderMetrics {

  static final String WAIT_TIMER = "lotus_order_wait";
  static final String COMPENSATION_COUNTER = "lotus_order_compensations";

  /** How time spent waiting for funds, stock or a courier ended. */
  enum WaitOutcome {
    RESUMED,
    CANCELLED
  }

  void waited(WaitingFor resource, Duration waited, WaitOutcome outcome) {
    scope(Map.of("waiting_for", lower(resource), "outcome", lower(outcome)))
        .timer(WAIT_TIMER)
        .record(com.uber.m3.util.Duration.ofNanos(waited.toNanos()));
  }

  void compensated(String step) {
    scope(Map.of("step", step)).counter(COMPENSATION_COUNTER).inc(1);
  }

  private static Scope scope(Map<String, String> tags) {
    return Workflow.getMetricsScope().tagged(tags);
  }

  private static String lower(Enum<?> value) {
    return value.name().toLowerCase(Locale.ROOT);
  }
}
