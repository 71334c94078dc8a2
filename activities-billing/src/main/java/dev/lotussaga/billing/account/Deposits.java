package dev.lotussaga.billing.account;

import dev.lotussaga.signals.WaitingLine;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Tops up balances and wakes the buyer's first waiting order in the same transaction. */
@Component
public class Deposits {

  private final AccountRepository accounts;
  private final DepositRepository deposits;
  private final WaitingLine fundsWaitingLine;

  Deposits(AccountRepository accounts, DepositRepository deposits, WaitingLine fundsWaitingLine) {
    this.accounts = accounts;
    this.deposits = deposits;
    this.fundsWaitingLine = fundsWaitingLine;
  }

  @Transactional
  public BigDecimal deposit(long userId, BigDecimal amount) {
    Account account = accounts.lockOrOpen(userId);
    account.credit(amount);
    deposits.save(new Deposit(userId, amount));
    fundsWaitingLine.wakeFirst(Long.toString(userId));
    return account.balance();
  }

  @Transactional(readOnly = true)
  public BigDecimal balanceOf(long userId) {
    return accounts.findById(userId).map(Account::balance).orElse(BigDecimal.ZERO);
  }
}
