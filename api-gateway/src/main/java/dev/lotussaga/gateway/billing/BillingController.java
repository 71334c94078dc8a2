package dev.lotussaga.gateway.billing;

import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import dev.lotussaga.web.IdempotencyKey;
import dev.lotussaga.web.MoneyAmount;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Pattern;
import java.math.BigDecimal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/billing")
class BillingController {

  private final Downstream billing;
  private final ServiceTokens tokens;
  private final Balances balances;

  BillingController(
      ServiceUrls urls, RestClient.Builder http, ServiceTokens tokens, Balances balances) {
    this.billing = new Downstream("billing", urls.billing(), http);
    this.tokens = tokens;
    this.balances = balances;
  }

  /**
   * Waiting orders of this buyer are woken by billing, in the same transaction as the deposit. The
   * money is a string in {@link MoneyAmount}'s form; an Idempotency-Key goes to billing, which
   * keeps it with the deposit (see {@link IdempotencyKey}).
   */
  @ApiResponse(
      responseCode = "200",
      description = "The balance after the deposit",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used for another amount")
  @PostMapping("/add-money")
  ResponseEntity<Balance> addMoney(
      @AuthenticationPrincipal Jwt token,
      @RequestParam String money,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false)
          @Pattern(regexp = IdempotencyKey.PATTERN, message = "must be " + IdempotencyKey.FORM)
          String idempotencyKey) {
    BigDecimal amount = MoneyAmount.parse("money", money);
    long userId = CurrentUser.of(token).id();
    return IdempotencyKey.relay(
        billing.call(
            tokens.of(token),
            client ->
                client
                    .post()
                    .uri(
                        "/internal/accounts/{userId}/deposits?amount={amount}",
                        userId,
                        amount.toPlainString())
                    .headers(IdempotencyKey.forward(idempotencyKey))
                    .retrieve()
                    .toEntity(Balance.class)));
  }

  @GetMapping("/balance")
  Balance balance(@AuthenticationPrincipal Jwt token) {
    return new Balance(balances.of(token));
  }

  record Balance(BigDecimal balance) {}
}
