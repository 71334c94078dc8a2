package dev.lotussaga.gateway.billing;

import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import java.math.BigDecimal;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/billing")
class BillingController {

  private final Downstream billing;

  BillingController(ServiceUrls urls, RestClient.Builder http) {
    this.billing = new Downstream("billing", urls.billing(), http);
  }

  /** Waiting orders of this buyer are woken by billing, in the same transaction as the deposit. */
  @PostMapping("/add-money")
  Balance addMoney(
      @AuthenticationPrincipal Jwt token,
      @RequestParam
          @DecimalMin(value = "0", inclusive = false, message = "must be a positive amount")
          @DecimalMax(value = "1000000000", message = "must not exceed 1000000000")
          @Digits(integer = 10, fraction = 2, message = "must have at most 2 decimal places")
          BigDecimal money) {
    long userId = CurrentUser.of(token).id();
    return billing.call(
        client ->
            client
                .post()
                .uri("/internal/accounts/{userId}/deposits?amount={amount}", userId, money)
                .retrieve()
                .body(Balance.class));
  }

  @GetMapping("/balance")
  Balance balance(@AuthenticationPrincipal Jwt token) {
    long userId = CurrentUser.of(token).id();
    return billing.call(
        client ->
            client.get().uri("/internal/accounts/{userId}", userId).retrieve().body(Balance.class));
  }

  record Balance(BigDecimal balance) {}
}
