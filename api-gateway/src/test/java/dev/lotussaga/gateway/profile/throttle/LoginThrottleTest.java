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

class LoginThrottleTest {

  private static final String ACCOUNT = "ann@example.test";
  private static final String ADDRESS = "192.0.2.1";

  private final MovableClock clock = new MovableClock();
  private final LoginThrottleProperties settings =
      new LoginThrottleProperties(
          5, 30, Duration.ofMinutes(1), Duration.ofMinutes(15), Duration.ofMinutes(15), 1000);
  private final LoginThrottle throttle = throttle(settings);

  @Test
  void anAccountBacksOffForAMinuteAfterFiveFailuresInARow() {
    failTimes(ACCOUNT, ADDRESS, 5);

    assertThat(retryAfter(ACCOUNT, ADDRESS)).isEqualTo(60);
    assertThat(retryAfter(ACCOUNT, "198.51.100.9")).as("from anywhere").isEqualTo(60);
    clock.advance(Duration.ofSeconds(59));
    assertThat(retryAfter(ACCOUNT, ADDRESS)).isEqualTo(1);
    clock.advance(Duration.ofSeconds(1));
    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
  }

  @Test
  void eachFailureAfterABackOffDoublesItUpToFifteenMinutes() {
    failTimes(ACCOUNT, ADDRESS, 5);
    int[] expected = {120, 240, 480, 900, 900};

    int waited = 60;
    for (int backoff : expected) {
      clock.advance(Duration.ofSeconds(waited));
      failTimes(ACCOUNT, ADDRESS, 1);
      assertThat(retryAfter(ACCOUNT, ADDRESS)).isEqualTo(backoff);
      waited = backoff;
    }
  }

  @Test
  void aSuccessStartsTheStreakOver() {
    failTimes(ACCOUNT, ADDRESS, 5);
    clock.advance(Duration.ofMinutes(1));
    throttle.begin(ACCOUNT, ADDRESS).succeeded();

    failTimes(ACCOUNT, ADDRESS, 4);
    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
    failTimes(ACCOUNT, ADDRESS, 1);
    assertThat(retryAfter(ACCOUNT, ADDRESS)).as("the first back-off again").isEqualTo(60);
  }

  @Test
  void failuresFarApartDoNotAddUp() {
    for (int i = 0; i < 20; i++) {
      failTimes(ACCOUNT, ADDRESS, 1);
      clock.advance(Duration.ofMinutes(16));
    }

    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
  }

  @Test
  void aBackedOffAccountIsForgottenAfterItsQuietPeriod() {
    failTimes(ACCOUNT, ADDRESS, 5);
    clock.advance(Duration.ofMinutes(1).plus(Duration.ofMinutes(15)));

    failTimes(ACCOUNT, ADDRESS, 4);
    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
  }

  @Test
  void oneAddressFailingOnManyAccountsBacksOffForAllOfThem() {
    for (int i = 0; i < 30; i++) {
      failTimes("victim-" + i + "@example.test", ADDRESS, 1);
    }

    assertThat(retryAfter("anyone-else@example.test", ADDRESS)).isEqualTo(60);
    assertThatCode(() -> throttle.begin("anyone-else@example.test", "198.51.100.9").close())
        .as("other addresses are not affected")
        .doesNotThrowAnyException();
  }

  @Test
  void correctLoginsAreNeverCounted() {
    for (int i = 0; i < 1000; i++) {
      throttle.begin("user-" + (i % 40) + "@example.test", ADDRESS).succeeded();
    }

    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
  }

  @Test
  void attemptsStillBeingCheckedCountAgainstTheLimit() {
    for (int i = 0; i < 5; i++) {
      throttle.begin(ACCOUNT, ADDRESS);
    }

    assertThat(retryAfter(ACCOUNT, ADDRESS)).isEqualTo(1);
  }

  @Test
  void anAttemptClosedWithoutAnOutcomeCountsNothing() {
    for (int i = 0; i < 10; i++) {
      throttle.begin(ACCOUNT, ADDRESS).close();
    }

    assertThatCode(() -> throttle.begin(ACCOUNT, ADDRESS).close()).doesNotThrowAnyException();
  }

  @Test
  void remembersABoundedNumberOfAccounts() {
    Streaks streaks = new Streaks(100, Duration.ofMinutes(15));
    for (int i = 0; i < 10_000; i++) {
      streaks
          .of("account-" + i, clock.instant())
          .failed(clock.instant(), settings, settings.accountMaxFailures());
    }

    assertThat(streaks.size()).isEqualTo(100);
  }

  @Test
  void dropsQuietStreaksAsItMeetsThem() {
    Streaks streaks = new Streaks(1000, Duration.ofMinutes(15));
    for (int i = 0; i < 100; i++) {
      streaks
          .of("account-" + i, clock.instant())
          .failed(clock.instant(), settings, settings.accountMaxFailures());
    }
    clock.advance(Duration.ofMinutes(15));
    for (int i = 0; i < 20; i++) {
      streaks.of("later-" + i, clock.instant());
    }

    assertThat(streaks.size()).isLessThan(100);
  }

  private void failTimes(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.begin(account, address).failed();
    }
  }

  /** Retry-After of the refusal, in seconds; fails if the attempt is not refused. */
  private long retryAfter(String account, String address) {
    TooManyLoginAttempts refused =
        catchThrowableOfType(TooManyLoginAttempts.class, () -> throttle.begin(account, address));
    assertThat(refused).as("refused").isNotNull();
    assertThat(refused.getStatusCode().value()).isEqualTo(429);
    return Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER));
  }

  private LoginThrottle throttle(LoginThrottleProperties settings) {
    StaticListableBeanFactory beans = new StaticListableBeanFactory();
    beans.addBean("clock", clock);
    return new LoginThrottle(settings, beans.getBeanProvider(Clock.class));
  }
}
