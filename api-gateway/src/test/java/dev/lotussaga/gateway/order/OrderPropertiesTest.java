package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.order.WaitLimits;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class OrderPropertiesTest {

  @Test
  void unsetLimitsAreWrittenOutAsTheDefaults() {
    var limits =
        new OrderProperties.WaitLimitProperties(Duration.ofMinutes(30), null, null).toWaitLimits();

    assertThat(limits)
        .isEqualTo(
            new WaitLimits(
                Duration.ofMinutes(30), WaitLimits.DEFAULT.stock(), WaitLimits.DEFAULT.courier()));
  }
}
