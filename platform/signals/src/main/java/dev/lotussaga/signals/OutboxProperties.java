package dev.lotussaga.signals;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled whether this process delivers pending signals (tests switch it off to inspect
 *     the outbox)
 * @param pollInterval how often due signals are delivered when no commit triggered a delivery
 * @param batchSize signals locked and delivered per transaction
 * @param maxAttempts refusals after which a signal is parked as dead: kept, counted in {@code
 *     lotus_outbox_dead}, never tried again until staff re-queue it
 * @param firstRetryDelay wait after a signal's first refusal; it doubles with every further one
 * @param maxRetryDelay the longest wait between two attempts of one signal
 */
@ConfigurationProperties("lotus.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("100") int batchSize,
    @DefaultValue("20") int maxAttempts,
    @DefaultValue("1s") Duration firstRetryDelay,
    @DefaultValue("60s") Duration maxRetryDelay) {

  public OutboxProperties {
    if (batchSize < 1 || maxAttempts < 1) {
      throw new IllegalArgumentException(
          "lotus.outbox.batch-size and lotus.outbox.max-attempts must be at least 1");
    }
  }

  /** When a signal refused {@code attempts} times is tried again. */
  Duration retryDelay(int attempts) {
    Duration delay = firstRetryDelay;
    for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
      delay = delay.multipliedBy(2);
    }
    return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
  }
}
