package dev.lotussaga.billing.account;

import dev.lotussaga.web.IdempotencyKey;
import dev.lotussaga.web.MoneyAmount;
import dev.lotussaga.web.auth.InternalCaller;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API, called by the gateway for a buyer (their own account only) or staff. */
@RestController
@RequestMapping("/internal/accounts/{userId}")
class AccountController {

  private final Deposits deposits;

  AccountController(Deposits deposits) {
    this.deposits = deposits;
  }

  /**
   * {@code amount} in {@link MoneyAmount}'s form. With an Idempotency-Key the buyer used before:
   * the first answer again, marked {@code Idempotent-Replayed: true}; 422 for another amount.
   */
  @PostMapping("/deposits")
  ResponseEntity<Balance> deposit(
      InternalCaller caller,
      @PathVariable long userId,
      @RequestParam String amount,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false)
          @Pattern(regexp = IdempotencyKey.PATTERN, message = "must be " + IdempotencyKey.FORM)
          String idempotencyKey) {
    caller.mayActFor(userId);
    var topUp = deposits.deposit(userId, MoneyAmount.parse("amount", amount), idempotencyKey);
    Balance balance = new Balance(topUp.balance());
    return topUp.replayed() ? IdempotencyKey.replayed(balance) : ResponseEntity.ok(balance);
  }

  @GetMapping
  Balance balance(InternalCaller caller, @PathVariable long userId) {
    caller.mayActFor(userId);
    return new Balance(deposits.balanceOf(userId));
  }

  record Balance(BigDecimal balance) {}
}
