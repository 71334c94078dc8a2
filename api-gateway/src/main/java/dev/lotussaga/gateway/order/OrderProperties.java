package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.WaitLimits;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Per-deployment order settings, handed to each new workflow (env LOTUS_WAIT_LIMIT_*). */
@ConfigurationProperties("lotus.orders")
record OrderProperties(@DefaultValue WaitLimitProperties waitLimits) {

  record WaitLimitProperties(
      @DefaultValue("24h") Duration funds,
      @DefaultValue("7d") Duration stock,
      @DefaultValue("48h") Duration courier) {

    WaitLimits toWaitLimits() {
      return new WaitLimits(funds, stock, courier);
    }
  }
}
