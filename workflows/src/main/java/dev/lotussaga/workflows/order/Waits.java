package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.failure.CanceledFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * The order's waits for funds, stock and courier.
 *
 * <p>Wake-up signals are counted per resource. A signal that arrives while the step is still
 * running (between the failed attempt and the wait) is counted too, so the wait that follows
 * returns at once: no wake-up is lost.
 *
 * <p>Each resource has a deadline, started when the order first waits for it and kept in workflow
 * state (timers are durable). When it passes, the wait throws {@link WaitExpired}.
 */
final class Waits {

  private final BooleanSupplier cancelled;
  private WaitLimits limits;
  private boolean deadlinesEnforced;
  private final Map<WaitingFor, Integer> raised = new EnumMap<>(WaitingFor.class);
  private final Map<WaitingFor, Integer> consumed = new EnumMap<>(WaitingFor.class);
  private final Map<WaitingFor, Long> deadlines = new EnumMap<>(WaitingFor.class);

  /**
   * @param cancelled ends every wait with a {@link CanceledFailure} once true
   */
  Waits(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  /**
   * Not called when replaying an order started before deadlines existed.
   *
   * @param firstWaits when earlier runs of a re-driven order first waited: those deadlines stand
   */
  void enforceDeadlines(WaitLimits limits, Map<WaitingFor, Instant> firstWaits) {
    this.limits = limits == null ? WaitLimits.DEFAULT : limits;
    this.deadlinesEnforced = true;
    firstWaits.forEach(
        (resource, since) ->
            deadlines.put(resource, since.toEpochMilli() + this.limits.of(resource).toMillis()));
  }

  void raise(WaitingFor resource) {
    raised.merge(resource, 1, Integer::sum);
  }

  /** Returns when woken up. */
  void await(WaitingFor resource) {
    await(resource, null);
  }

  /** Returns when woken up, or when {@code recheck} (if not null) has passed without a wake-up. */
  void await(WaitingFor resource, Duration recheck) {
    Duration timeout = recheck;
    if (cancelled.getAsBoolean()) {
      throw new CanceledFailure("cancelled before waiting for " + resource);
    }
    if (deadlinesEnforced) {
      long deadline = deadlines.computeIfAbsent(resource, r -> now() + limits.of(r).toMillis());
      Duration left = Duration.ofMillis(deadline - now());
      if (left.isZero() || left.isNegative()) {
        throw new WaitExpired(resource, limits.of(resource));
      }
      timeout = timeout == null || left.compareTo(timeout) < 0 ? left : timeout;
    }
    boolean woken;
    if (timeout == null) {
      Workflow.await(() -> wokenUp(resource));
      woken = true;
    } else {
      woken = Workflow.await(timeout, () -> wokenUp(resource));
    }
    consumed.put(resource, count(raised, resource));
    if (cancelled.getAsBoolean()) {
      throw new CanceledFailure("cancelled while waiting for " + resource);
    }
    if (!woken && deadlinesEnforced && now() >= deadlines.get(resource)) {
      throw new WaitExpired(resource, limits.of(resource));
    }
  }

  private boolean wokenUp(WaitingFor resource) {
    return count(raised, resource) > count(consumed, resource) || cancelled.getAsBoolean();
  }

  private static int count(Map<WaitingFor, Integer> counts, WaitingFor resource) {
    return counts.getOrDefault(resource, 0);
  }

  private static long now() {
    return Workflow.currentTimeMillis();
  }
}
