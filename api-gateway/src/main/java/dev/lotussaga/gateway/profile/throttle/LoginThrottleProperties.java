package dev.lotussaga.gateway.profile.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Login throttling (prefix {@code lotus.login-throttle}).
 *
 * @param accountMaxFailures failed logins in a row after which an account backs off
 * @param addressMaxFailures failed logins (for any accounts) after which a client address backs
 *     off; looser, so that people behind one address do not lock each other out, but enough to stop
 *     one client trying a few passwords on many accounts. Only failures count, so a client that
 *     logs in many users correctly is never slowed down. The address is the TCP peer; behind a
 *     proxy set {@code server.forward-headers-strategy} so that it is the client's.
 * @param firstBackoff the first back-off; each further failure after it doubles it
 * @param maxBackoff the longest back-off: an account is never locked for longer than this
 * @param forgetAfter a streak with no failure for this long (after its back-off ended) starts over
 * @param maxTracked accounts and addresses remembered at most (each); the least recently used are
 *     dropped first, so memory stays bounded whatever a client sends
 */
@ConfigurationProperties("lotus.login-throttle")
record LoginThrottleProperties(
    @DefaultValue("5") int accountMaxFailures,
    @DefaultValue("30") int addressMaxFailures,
    @DefaultValue("1m") Duration firstBackoff,
    @DefaultValue("15m") Duration maxBackoff,
    @DefaultValue("15m") Duration forgetAfter,
    @DefaultValue("100000") int maxTracked) {

  /** The back-off for the n-th time in a streak: first, doubled each time, capped. */
  Duration backoff(int nth) {
    Duration backoff = firstBackoff;
    for (int i = 1; i < nth && backoff.compareTo(maxBackoff) < 0; i++) {
      backoff = backoff.multipliedBy(2);
    }
    return backoff.compareTo(maxBackoff) > 0 ? maxBackoff : backoff;
  }
}
