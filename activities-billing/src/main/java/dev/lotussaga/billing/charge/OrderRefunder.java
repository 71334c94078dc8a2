package dev.lotussaga.billing.charge;

import dev.lotussaga.billing.account.Account;
import dev.lotussaga.billing.account.AccountRepository;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.signals.WaitingLine;
import java.math.BigDecimal;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensation of a charge, under the buyer's account lock. The cancelled_order row makes it happen
 * once and bars the order from being charged later; returned money wakes the buyer's next waiting
 * order.
 */
@Component
class OrderRefunder {

  private final AccountRepository accounts;
  private final OrderChargeRepository charges;
  private final WaitingLine fundsWaitingLine;
  private final JdbcTemplate jdbc;

  OrderRefunder(
      AccountRepository accounts,
      OrderChargeRepository charges,
      WaitingLine fundsWaitingLine,
      JdbcTemplate jdbc) {
    this.accounts = accounts;
    this.charges = charges;
    this.fundsWaitingLine = fundsWaitingLine;
    this.jdbc = jdbc;
  }

  @Transactional
  void refund(RefundOrder order) {
    Account account = accounts.lockOrOpen(order.userId());
    if (isCancelled(order.orderId())) {
      return;
    }
    String buyer = Long.toString(order.userId());
    fundsWaitingLine.leave(order.orderId(), buyer);
    BigDecimal refund =
        charges.findById(order.orderId()).map(OrderCharge::amount).orElse(BigDecimal.ZERO);
    jdbc.update(
        "insert into cancelled_order (order_id, user_id, refunded_amount) values (?, ?, ?)",
        order.orderId(),
        order.userId(),
        refund);
    if (refund.signum() > 0) {
      account.credit(refund);
    }
    fundsWaitingLine.wakeFirst(buyer);
  }

  boolean isCancelled(String orderId) {
    return jdbc.queryForObject(
        "select exists (select 1 from cancelled_order where order_id = ?)", Boolean.class, orderId);
  }
}
