package dev.lotussaga.billing.charge;

import dev.lotussaga.billing.account.Account;
import dev.lotussaga.billing.account.AccountRepository;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.signals.WaitingLine;
import io.temporal.failure.ApplicationFailure;
import jakarta.persistence.EntityManager;
import java.util.Optional;
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
  private final EntityManager entityManager;

  OrderCharger(
      AccountRepository accounts,
      OrderChargeRepository charges,
      WaitingLine fundsWaitingLine,
      OrderRefunder refunder,
      EntityManager entityManager) {
    this.accounts = accounts;
    this.charges = charges;
    this.fundsWaitingLine = fundsWaitingLine;
    this.refunder = refunder;
    this.entityManager = entityManager;
  }

  @Transactional
  ChargeOutcome charge(ChargeOrder order) {
    Account account = accounts.lockOrOpen(order.userId());
    if (refunder.isCancelled(order.orderId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Order " + order.orderId() + " was cancelled", FailureTypes.ORDER_CANCELLED);
    }
    if (charges.existsById(order.orderId())) {
      return ChargeOutcome.CHARGED;
    }
    String buyer = Long.toString(order.userId());
    boolean affordable = account.covers(order.amount());
    Optional<String> firstInLine = fundsWaitingLine.first(buyer);
    if (!affordable || !firstInLine.map(order.orderId()::equals).orElse(true)) {
      fundsWaitingLine.join(order.orderId(), buyer);
      if (affordable) {
        // Blocked only by the line: make sure its first order is awake.
        fundsWaitingLine.wakeFirst(buyer);
      }
      return ChargeOutcome.INSUFFICIENT_FUNDS;
    }
    account.withdraw(order.amount());
    // persist, not save: the id is the order's, so save() would first look for the row
    entityManager.persist(new OrderCharge(order.orderId(), order.userId(), order.amount()));
    if (firstInLine.isPresent()) {
      fundsWaitingLine.leave(order.orderId(), buyer);
      fundsWaitingLine.wakeFirst(buyer);
    }
    return ChargeOutcome.CHARGED;
  }
}
