package dev.lotussaga.billing.account;

import dev.lotussaga.signals.WaitingLine;
import dev.lotussaga.web.IdempotencyKey;
import java.math.BigDecimal;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tops up balances and wakes the buyer's first waiting order in the same transaction; a top-up with
 * an Idempotency-Key stores the key in that transaction too.
 */
@Component
public class Deposits {

  private final AccountRepository accounts;
  private final DepositRepository deposits;
  private final DepositKeys keys;
  private final WaitingLine fundsWaitingLine;

  Deposits(
      AccountRepository accounts,
      DepositRepository deposits,
      DepositKeys keys,
      WaitingLine fundsWaitingLine) {
    this.accounts = accounts;
    this.deposits = deposits;
    this.keys = keys;
    this.fundsWaitingLine = fundsWaitingLine;
  }

  /** The balance a top-up answered, and whether the answer repeats an earlier one. */
  public record TopUp(BigDecimal balance, boolean replayed) {}

  @Transactional
  public BigDecimal deposit(long userId, BigDecimal amount) {
    return deposit(userId, amount, null).balance();
  }

  /**
   * With a key (may be null) the buyer used before, within its lifetime: no deposit, the first
   * answer again; or a 422 if that top-up was of another amount.
   */
  @Transactional
  public TopUp deposit(long userId, BigDecimal amount, String idempotencyKey) {
    Account account = accounts.lockOrOpen(userId);
    if (idempotencyKey != null) {
      var first = keys.claim(userId, idempotencyKey, amount, account.balance().add(amount));
      if (first.isPresent()) {
        if (first.get().amount().compareTo(amount) != 0) {
          throw IdempotencyKey.reusedFor(
              "a top-up of " + first.get().amount().toPlainString(),
              "of " + amount.toPlainString());
        }
        return new TopUp(first.get().balance(), true);
      }
    }
    account.credit(amount);
    deposits.save(new Deposit(userId, amount));
    fundsWaitingLine.wakeFirst(Long.toString(userId));
    return new TopUp(account.balance(), false);
  }

  @Transactional(readOnly = true)
  public BigDecimal balanceOf(long userId) {
    return accounts.findById(userId).map(Account::balance).orElse(BigDecimal.ZERO);
  }
}
