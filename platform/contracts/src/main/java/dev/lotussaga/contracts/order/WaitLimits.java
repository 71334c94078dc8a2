package dev.lotussaga.contracts.order;

import java.time.Duration;

/**
 * How long an order may wait for funds, stock and courier acceptance before it is cancelled and
 * compensated. Measured from the moment the order first waits for that resource.
 */
public record WaitLimits(Duration funds, Duration stock, Duration courier) {

  public static final WaitLimits DEFAULT =
      new WaitLimits(Duration.ofHours(24), Duration.ofDays(7), Duration.ofHours(48));

  public Duration of(WaitingFor resource) {
    Duration limit =
        switch (resource) {
          case FUNDS -> funds;
          case STOCK -> stock;
          case COURIER -> courier;
        };
    return limit != null ? limit : DEFAULT.of(resource);
  }
}
