package dev.lotussaga.gateway.profile.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Limits registrations per client address with a token bucket: full at first, one registration
 * taken from it each time, refilled evenly over the window. Bounds how fast one client can create
 * accounts or probe which emails are taken.
 */
@Component
public class RegistrationThrottle {

  private final RegistrationThrottleProperties settings;
  private final Clock clock;
  private final Map<String, Allowance> byAddress;

  RegistrationThrottle(RegistrationThrottleProperties settings, ObjectProvider<Clock> clock) {
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.byAddress =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, Allowance> eldest) {
            return size() > settings.maxTracked();
          }
        };
  }

  /** Takes one registration from the address's allowance, or refuses (429 with Retry-After). */
  public synchronized void admit(String address) {
    Instant now = clock.instant();
    Allowance allowance =
        byAddress.computeIfAbsent(address, any -> new Allowance(settings.maxPerAddress(), now));
    allowance.refill(now, settings);
    if (allowance.left < 1) {
      throw new TooManyRegistrations(allowance.untilNext(settings));
    }
    allowance.left--;
  }

  /** Registrations left, fractions included, as of {@code at}. */
  private static final class Allowance {

    private double left;
    private Instant at;

    Allowance(double left, Instant at) {
      this.left = left;
      this.at = at;
    }

    void refill(Instant now, RegistrationThrottleProperties settings) {
      if (now.isAfter(at)) {
        double earned = (double) Duration.between(at, now).toNanos() / perRegistration(settings);
        left = Math.min(settings.maxPerAddress(), left + earned);
        at = now;
      }
    }

    Duration untilNext(RegistrationThrottleProperties settings) {
      return Duration.ofNanos((long) Math.ceil((1 - left) * perRegistration(settings)));
    }

    private static double perRegistration(RegistrationThrottleProperties settings) {
      return (double) settings.window().toNanos() / settings.maxPerAddress();
    }
  }
}
