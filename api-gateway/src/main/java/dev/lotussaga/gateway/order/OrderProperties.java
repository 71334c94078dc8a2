package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Per-deployment order settings, handed to each new workflow (env LOTUS_WAIT_LIMIT_*).
 *
 * @param searchAttributes start orders with the order search attributes (the Temporal server must
 *     know them; without them an order is found by its workflow id only)
 * @param stuckAfterAttempts failed attempts of a step or compensation after which an order shows it
 *     is stuck and enters the staff recovery queue (the saga keeps retrying)
 */
@ConfigurationProperties("lotus.orders")
record OrderProperties(
    @DefaultValue WaitLimitProperties waitLimits,
    @DefaultValue("true") boolean searchAttributes,
    @DefaultValue("10") int stuckAfterAttempts) {

  /** A limit left unset is {@link WaitLimits#DEFAULT}'s, written into each order it starts. */
  record WaitLimitProperties(Duration funds, Duration stock, Duration courier) {

    WaitLimits toWaitLimits() {
      WaitLimits configured = new WaitLimits(funds, stock, courier);
      return new WaitLimits(
          configured.of(WaitingFor.FUNDS),
          configured.of(WaitingFor.STOCK),
          configured.of(WaitingFor.COURIER));
    }
  }
}
