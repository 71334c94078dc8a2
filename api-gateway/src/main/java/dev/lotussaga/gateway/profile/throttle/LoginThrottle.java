package dev.lotussaga.gateway.profile.throttle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Decides whether a login attempt may be checked at all, and learns from its outcome. One lock for
 * all: a login costs a bcrypt hash, so this is never the bottleneck.
 */
@Component
public class LoginThrottle {

  private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

  private final LoginThrottleProperties settings;
  private final Clock clock;
  private final Streaks accounts;
  private final Streaks addresses;

  LoginThrottle(LoginThrottleProperties settings, ObjectProvider<Clock> clock) {
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
    this.accounts = new Streaks(settings.maxTracked(), settings.forgetAfter());
    this.addresses = new Streaks(settings.maxTracked(), settings.forgetAfter());
  }

  /**
   * Starts an attempt to log in to {@code account} from {@code address}, or refuses it (429 with
   * Retry-After) while either backs off. Close the attempt when done, saying how it went.
   */
  public synchronized Attempt begin(String account, String address) {
    Instant now = clock.instant();
    FailureStreak byAccount = accounts.of(account, now);
    FailureStreak byAddress = addresses.of(address, now);
    Duration accountWait = byAccount.waitBeforeNextAttempt(now, settings.accountMaxFailures());
    Duration addressWait = byAddress.waitBeforeNextAttempt(now, settings.addressMaxFailures());
    Duration wait = accountWait.compareTo(addressWait) >= 0 ? accountWait : addressWait;
    if (!wait.isZero()) {
      throw new TooManyLoginAttempts(wait);
    }
    byAccount.started();
    byAddress.started();
    return new Attempt(byAccount, byAddress, address);
  }

  /**
   * As {@link #begin(String, String)} for a credential that names no account, such as a refresh
   * token: only the address's streak counts.
   */
  public synchronized Attempt begin(String address) {
    Instant now = clock.instant();
    FailureStreak byAddress = addresses.of(address, now);
    Duration wait = byAddress.waitBeforeNextAttempt(now, settings.addressMaxFailures());
    if (!wait.isZero()) {
      throw new TooManyLoginAttempts(wait);
    }
    FailureStreak noAccount = new FailureStreak();
    noAccount.started();
    byAddress.started();
    return new Attempt(noAccount, byAddress, address);
  }

  /** One login attempt under way. Closing it without an outcome counts nothing. */
  public final class Attempt implements AutoCloseable {

    private final FailureStreak account;
    private final FailureStreak address;
    private final String from;
    private boolean ended;

    private Attempt(FailureStreak account, FailureStreak address, String from) {
      this.account = account;
      this.address = address;
      this.from = from;
    }

    public void failed() {
      synchronized (LoginThrottle.this) {
        if (end()) {
          Instant now = clock.instant();
          Duration accountBackoff = account.failed(now, settings, settings.accountMaxFailures());
          Duration addressBackoff = address.failed(now, settings, settings.addressMaxFailures());
          if (!accountBackoff.isZero()) {
            log.info("An account backs off for {} after failed logins", accountBackoff);
          }
          if (!addressBackoff.isZero()) {
            log.warn("Address {} backs off for {} after failed logins", from, addressBackoff);
          }
        }
      }
    }

    public void succeeded() {
      synchronized (LoginThrottle.this) {
        if (end()) {
          account.clear();
        }
      }
    }

    @Override
    public void close() {
      synchronized (LoginThrottle.this) {
        end();
      }
    }

    private boolean end() {
      if (ended) {
        return false;
      }
      ended = true;
      account.ended();
      address.ended();
      return true;
    }
  }
}
