package dev.lotussaga.faultswitches;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Faults a service injects into itself, for the faults suite ({@code ./lotus faults}) only. Nothing
 * happens unless {@code enabled} is true.
 *
 * @param signalCopies how many times each workflow signal this process sends is delivered
 * @param activityRuns how many times each activity body runs per attempt (an event published twice,
 *     a charge made twice)
 * @param lostAnswerPercent share of first attempts whose result is dropped after the activity's
 *     effect committed, as if the worker died before answering; Temporal then retries them
 */
@ConfigurationProperties("lotus.faults")
public record FaultInjectionProperties(
    boolean enabled,
    @DefaultValue("1") int signalCopies,
    @DefaultValue("1") int activityRuns,
    @DefaultValue("0") int lostAnswerPercent) {

  public FaultInjectionProperties {
    if (signalCopies < 1 || activityRuns < 1) {
      throw new IllegalArgumentException("signal-copies and activity-runs must be at least 1");
    }
    if (lostAnswerPercent < 0 || lostAnswerPercent > 100) {
      throw new IllegalArgumentException("lost-answer-percent must be between 0 and 100");
    }
  }
}
