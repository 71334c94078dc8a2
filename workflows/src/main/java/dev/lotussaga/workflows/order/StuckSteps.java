package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.CanceledFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Runs each step and compensation until it is done, and never silently. Activities give up after a
 * round of attempts; the order then shows it is stuck (its events, memo and search attributes carry
 * the step, attempts, last error and since when), and after a pause the next round starts: money is
 * never abandoned. A compensation that fails for good (a non-retryable failure) is stuck at once
 * and waits for staff, who retry it or resolve it by hand with a reason.
 *
 * <p>Orders started before {@code OrderWorkflowImpl.STUCK_STEPS_CHANGE} run their steps straight
 * through, with activities that retry without limit.
 */
final class StuckSteps {

  /** Between two rounds of attempts of a stuck step, unless staff ask for a retry sooner. */
  static final Duration PAUSE = Duration.ofSeconds(30);

  private final BooleanSupplier cancelled;
  private boolean watching;
  private int attemptsPerRound;
  private Consumer<StuckStep> shown = stuck -> {};
  private StuckStep stuck;
  private int retriesAsked;
  private StuckResolution resolution;
  private final List<String> resolvedByHand = new ArrayList<>();

  /**
   * @param cancelled ends the pause of a stuck forward step once true (compensations ignore it)
   */
  StuckSteps(BooleanSupplier cancelled) {
    this.cancelled = cancelled;
  }

  /**
   * @param attemptsPerRound the activities' maximum attempts
   * @param shown told each time the order becomes stuck, more stuck, or no longer stuck (null)
   */
  void watch(int attemptsPerRound, Consumer<StuckStep> shown) {
    this.watching = true;
    this.attemptsPerRound = attemptsPerRound;
    this.shown = shown;
  }

  StuckStep current() {
    return stuck;
  }

  /**
   * A forward step: a business refusal (a non-retryable failure such as "the order was cancelled")
   * or a cancellation ends it as before; faults are retried round after round.
   */
  <T> T step(String step, Supplier<T> attempt) {
    if (!watching) {
      return attempt.get();
    }
    int attempts = 0;
    while (true) {
      try {
        T result = attempt.get();
        unstick();
        return result;
      } catch (ActivityFailure failure) {
        if (isNonRetryable(failure) || failure.getCause() instanceof CanceledFailure) {
          throw failure;
        }
        attempts += attemptsPerRound;
        stuck(step, attempts, failure, false);
        Workflow.await(PAUSE, () -> retryAsked() || cancelled.getAsBoolean());
        if (cancelled.getAsBoolean()) {
          throw new CanceledFailure("cancelled while " + step + " was stuck");
        }
      }
    }
  }

  /** A compensation: done, or resolved by hand by staff; it never gives up by itself. */
  void compensation(String step, Runnable undo) {
    if (!watching) {
      undo.run();
      return;
    }
    int attempts = 0;
    while (true) {
      try {
        undo.run();
        unstick();
        return;
      } catch (ActivityFailure failure) {
        boolean forGood = isNonRetryable(failure);
        attempts += forGood ? 1 : attemptsPerRound;
        stuck(step, attempts, failure, forGood);
        if (forGood) {
          Workflow.await(() -> retryAsked() || resolution != null);
        } else {
          Workflow.await(PAUSE, () -> retryAsked() || resolution != null);
        }
        if (resolution != null) {
          resolvedByHand.add(
              step
                  + " resolved by hand by "
                  + resolution.resolvedBy()
                  + ": "
                  + resolution.reason());
          resolution = null;
          unstick();
          return;
        }
      }
    }
  }

  /** What staff resolved by hand, to be told with the cancellation. */
  List<String> resolvedByHand() {
    return List.copyOf(resolvedByHand);
  }

  void retry() {
    retriesAsked++;
  }

  /**
   * Validates a resolution by hand; throws unless a compensation is stuck and a reason is given.
   */
  void checkResolvable(StuckResolution asked) {
    if (stuck == null || !stuck.concernsACompensation()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The order is not stuck on a compensation", FailureTypes.NOT_STUCK_ON_COMPENSATION);
    }
    if (asked == null || asked.reason() == null || asked.reason().isBlank()) {
      throw ApplicationFailure.newNonRetryableFailure(
          "A resolution by hand needs a reason", FailureTypes.NOT_STUCK_ON_COMPENSATION);
    }
  }

  /** Returns the compensation it resolves. */
  StuckStep resolve(StuckResolution resolved) {
    resolution = resolved;
    return stuck;
  }

  private boolean retryAsked() {
    if (retriesAsked > 0) {
      retriesAsked = 0;
      return true;
    }
    return false;
  }

  private void stuck(String step, int attempts, ActivityFailure failure, boolean waitsForStaff) {
    Instant since = stuck != null && stuck.step().equals(step) ? stuck.since() : now();
    stuck = new StuckStep(step, attempts, lastError(failure), since, waitsForStaff);
    shown.accept(stuck);
  }

  private void unstick() {
    if (stuck != null) {
      stuck = null;
      shown.accept(null);
    }
  }

  private static boolean isNonRetryable(ActivityFailure failure) {
    return failure.getCause() instanceof ApplicationFailure cause && cause.isNonRetryable();
  }

  private static String lastError(ActivityFailure failure) {
    Throwable cause = failure.getCause() == null ? failure : failure.getCause();
    String message =
        cause instanceof TemporalFailure temporal
            ? temporal.getOriginalMessage()
            : cause.getMessage();
    String type =
        cause instanceof ApplicationFailure application
            ? application.getType()
            : cause.getClass().getSimpleName();
    String text = type + ": " + message;
    return text.length() > 500 ? text.substring(0, 500) : text;
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
