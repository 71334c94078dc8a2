package dev.lotussaga.billing.charge;

import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = BillingActivities.TASK_QUEUE)
class BillingActivitiesImpl implements BillingActivities {

  private final OrderCharger charger;
  private final OrderRefunder refunder;

  BillingActivitiesImpl(OrderCharger charger, OrderRefunder refunder) {
    this.charger = charger;
    this.refunder = refunder;
  }

  @Override
  public ChargeOutcome chargeOrder(ChargeOrder command) {
    return charger.charge(command);
  }

  @Override
  public void refundOrder(RefundOrder command) {
    refunder.refund(command);
  }
}
