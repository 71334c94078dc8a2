package dev.lotussaga.contracts.billing;

import io.temporal.activity.ActivityInterface;

/** Implemented by activities-billing; idempotent per order id. */
@ActivityInterface
public interface BillingActivities {

  String TASK_QUEUE = "billing";

  /**
   * Charges the order's price from the buyer's balance, once per order. When the money is not there
   * (or earlier orders of the same buyer wait for it first) the order is queued and {@link
   * ChargeOutcome#INSUFFICIENT_FUNDS} returned; billing signals the order when it is its turn.
   */
  ChargeOutcome chargeOrder(ChargeOrder command);

  /**
   * Undoes {@link #chargeOrder}: takes the order out of the line and refunds its charge, if there
   * was one. Idempotent; afterwards the order can never be charged.
   */
  void refundOrder(RefundOrder command);
}
