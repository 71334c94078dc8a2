package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts wake-up signals per resource. A signal that arrives while the step is still running
 * (between the failed attempt and the wait) is counted too, so the wait that follows returns at
 * once: no wake-up is lost.
 */
final class WakeUps {

  private final Map<WaitingFor, Integer> raised = new EnumMap<>(WaitingFor.class);
  private final Map<WaitingFor, Integer> consumed = new EnumMap<>(WaitingFor.class);

  void raise(WaitingFor resource) {
    raised.merge(resource, 1, Integer::sum);
  }

  void await(WaitingFor resource) {
    Workflow.await(() -> wokenUp(resource));
    consumed.put(resource, count(raised, resource));
  }

  /** Like {@link #await(WaitingFor)}, but gives up waiting after {@code timeout}. */
  void await(WaitingFor resource, Duration timeout) {
    Workflow.await(timeout, () -> wokenUp(resource));
    consumed.put(resource, count(raised, resource));
  }

  private boolean wokenUp(WaitingFor resource) {
    return count(raised, resource) > count(consumed, resource);
  }

  private static int count(Map<WaitingFor, Integer> counts, WaitingFor resource) {
    return counts.getOrDefault(resource, 0);
  }
}
