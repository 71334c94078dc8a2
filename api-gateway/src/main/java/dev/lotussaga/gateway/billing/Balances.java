package dev.lotussaga.gateway.billing;

import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import java.math.BigDecimal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/** The caller's balance, as billing keeps it; for the balance endpoint and placed orders. */
@Component
public class Balances {

  private final Downstream billing;
  private final ServiceTokens tokens;

  Balances(ServiceUrls urls, RestClient.Builder http, ServiceTokens tokens) {
    this.billing = new Downstream("billing", urls.billing(), http);
    this.tokens = tokens;
  }

  /**
   * @throws dev.lotussaga.gateway.system.ApiException 503 while billing does not answer
   */
  public BigDecimal of(Jwt token) {
    long userId = CurrentUser.of(token).id();
    return billing
        .call(
            tokens.of(token),
            client ->
                client
                    .get()
                    .uri("/internal/accounts/{userId}", userId)
                    .retrieve()
                    .body(Balance.class))
        .balance();
  }

  record Balance(BigDecimal balance) {}
}
