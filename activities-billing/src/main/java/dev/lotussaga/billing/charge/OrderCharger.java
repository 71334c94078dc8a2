package dev.lotussaga.billing.charge;

import dev.lotussaga.billing.account.Account;
import dev.lotussaga.billing.account.AccountRepository;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.signals.WaitingLine;
import io.temporal.failure.ApplicationFailure;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Charges an order under the buyer's account lock. The charge row's primary key makes a second call
 * for the same order a no-op; the waiting line makes the buyer's orders pay in the order they
 * waited.
 */
@Component
class OrderCharger {

  private final AccountRepository accounts;
  private final OrderChargeRepository charges;
  private final WaitingLine fundsWaitingLine;
  private final OrderRefunder refunder;

  OrderCharger(
      AccountRepository accounts,
      OrderChargeRepository charges,
      WaitingLine fundsWaitingLine,
      OrderRefunder refunder) {
    this.accounts = accounts;
    this.charges = charges;
    this.fundsWaitingLine = fundsWaitingLine;
    this.refunder = refunder;
  }

  @Transactional
  ChargeOutcome charge(ChargeOrder order) {
    Account account = accounts.lockOrOpen(order.userId());
    if (refunder.isCancelled(order.orderId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Order " + order.orderId() + " was cancelled", "OrderCancelled");
    }
    if (charges.existsById(order.orderId())) {
      return ChargeOutcome.CHARGED;
    }
    String buyer = Long.toString(order.userId());
    boolean affordable = account.covers(order.amount());
    if (!affordable || !fundsWaitingLine.isFirst(order.orderId(), buyer)) {
      fundsWaitingLine.join(order.orderId(), buyer);
      if (affordable) {
        // Blocked only by the line: make sure its first order is awake and not gone for good.
        fundsWaitingLine.wakeFirst(buyer);
      }
      return ChargeOutcome.INSUFFICIENT_FUNDS;
    }
    account.withdraw(order.amount());
    charges.save(new OrderCharge(order.orderId(), order.userId(), order.amount()));
    fundsWaitingLine.leave(order.orderId(), buyer);
    fundsWaitingLine.wakeFirst(buyer);
    return ChargeOutcome.CHARGED;
  }
}
