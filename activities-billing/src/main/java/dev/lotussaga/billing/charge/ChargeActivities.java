package dev.lotussaga.billing.charge;

import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = BillingActivities.TASK_QUEUE)
class ChargeActivities implements BillingActivities {

  private final OrderCharger charger;

  ChargeActivities(OrderCharger charger) {
    this.charger = charger;
  }

  @Override
  public ChargeOutcome chargeOrder(ChargeOrder command) {
    return charger.charge(command);
  }
}
