package dev.lotussaga.gateway.profile.throttle;

import dev.lotussaga.gateway.system.ApiException;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/** 429 with Retry-After in whole seconds, rounded up. */
final class TooManyRegistrations extends ApiException {

  TooManyRegistrations(Duration wait) {
    this(Math.max(1, (wait.toMillis() + 999) / 1000));
  }

  private TooManyRegistrations(long seconds) {
    super(
        HttpStatus.TOO_MANY_REQUESTS,
        "Too many registrations from this address; try again in " + seconds + " seconds");
    getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
  }
}
