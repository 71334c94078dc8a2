package dev.lotussaga.gateway.profile.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.lotussaga.gateway.MovableClock;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.http.HttpHeaders;

class RegistrationThrottleTest {

  private static final String ADDRESS = "192.0.2.1";

  private final MovableClock clock = new MovableClock();
  private final RegistrationThrottle throttle = throttle(2);

  @Test
  void tenRegistrationsAtOnceThenOneEveryNinetySeconds() {
    admitTimes(ADDRESS, 10);

    assertThat(retryAfter(ADDRESS)).isEqualTo(90);
    clock.advance(Duration.ofSeconds(89));
    assertThat(retryAfter(ADDRESS)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    admitTimes(ADDRESS, 1);
    assertThat(retryAfter(ADDRESS)).isEqualTo(90);
  }

  @Test
  void aQuietWindowEarnsTheWholeAllowanceBackAndNoMore() {
    admitTimes(ADDRESS, 10);
    clock.advance(Duration.ofDays(1));

    admitTimes(ADDRESS, 10);
    assertThat(retryAfter(ADDRESS)).isEqualTo(90);
  }

  @Test
  void eachAddressHasItsOwnAllowance() {
    admitTimes(ADDRESS, 10);
    assertThatCode(() -> throttle.admit("198.51.100.7")).doesNotThrowAnyException();
  }

  @Test
  void addressesBeyondTheTrackedOnesAreForgottenLeastRecentFirst() {
    admitTimes(ADDRESS, 10);
    admitTimes("198.51.100.7", 1);
    admitTimes("198.51.100.8", 1);

    assertThatCode(() -> admitTimes(ADDRESS, 10)).doesNotThrowAnyException();
  }

  private void admitTimes(String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.admit(address);
    }
  }

  private long retryAfter(String address) {
    TooManyRegistrations refused =
        catchThrowableOfType(TooManyRegistrations.class, () -> throttle.admit(address));
    assertThat(refused).as("refused").isNotNull();
    return Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
  }

  private RegistrationThrottle throttle(int maxTracked) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("clock", clock);
    return new RegistrationThrottle(
        new RegistrationThrottleProperties(10, Duration.ofMinutes(15), maxTracked),
        beans.getBeanProvider(Clock.class));
  }
}
