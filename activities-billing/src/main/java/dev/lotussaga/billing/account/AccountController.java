package dev.lotussaga.billing.account;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API, called by the gateway on behalf of an authenticated user. */
@RestController
@RequestMapping("/internal/accounts/{userId}")
class AccountController {

  private final Deposits deposits;

  AccountController(Deposits deposits) {
    this.deposits = deposits;
  }

  @PostMapping("/deposits")
  Balance deposit(
      @PathVariable long userId,
      @RequestParam
          @NotNull
          @DecimalMin(value = "0", inclusive = false)
          @DecimalMax("1000000000")
          @Digits(integer = 12, fraction = 2)
          BigDecimal amount) {
    return new Balance(deposits.deposit(userId, amount));
  }

  @GetMapping
  Balance balance(@PathVariable long userId) {
    return new Balance(deposits.balanceOf(userId));
  }

  record Balance(BigDecimal balance) {}
}
