package dev.lotussaga.gateway.profile.throttle;

import java.time.Duration;
import java.time.Instant;

/** The failed logins in a row of one account or one address, and the back-off they earned. */
final class FailureStreak {

  /** Asked of a caller whose other attempts, still being checked, may use up its allowance. */
  static final Duration WHILE_OTHERS_ARE_CHECKED = Duration.ofSeconds(1);

  private int failures;
  private int backoffs;
  private int inFlight;
  private Instant backsOffUntil = Instant.EPOCH;
  private Instant quietSince = Instant.EPOCH;

  /**
   * How long to wait before the next attempt; zero if it may start now. Attempts still being
   * checked count as failures here, so that many at once cannot get past the limit.
   */
  Duration waitBeforeNextAttempt(Instant now, int maxFailures) {
    if (now.isBefore(backsOffUntil)) {
      return Duration.between(now, backsOffUntil);
    }
    return failures + inFlight >= maxFailures ? WHILE_OTHERS_ARE_CHECKED : Duration.ZERO;
  }

  void started() {
    inFlight++;
  }

  void ended() {
    inFlight--;
  }

  /**
   * Counts a failure. The one that reaches the limit starts a back-off, after which there is one
   * more try; the back-off it earned, or zero.
   */
  Duration failed(Instant now, LoginThrottleProperties settings, int maxFailures) {
    failures++;
    quietSince = now;
    if (failures < maxFailures) {
      return Duration.ZERO;
    }
    backoffs++;
    Duration backoff = settings.backoff(backoffs);
    backsOffUntil = now.plus(backoff);
    quietSince = backsOffUntil;
    failures = maxFailures - 1;
    return backoff;
  }

  void clear() {
    failures = 0;
    backoffs = 0;
    backsOffUntil = Instant.EPOCH;
  }

  /** Clears a streak that has been quiet long enough; true if nothing is left to remember. */
  boolean forgetIfQuiet(Instant now, Duration forgetAfter) {
    if (inFlight == 0 && !now.isBefore(quietSince.plus(forgetAfter))) {
      clear();
    }
    return inFlight == 0 && failures == 0 && backoffs == 0;
  }
}
