package dev.lotussaga.gateway.stock;

import dev.lotussaga.gateway.catalog.Catalog;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import dev.lotussaga.web.IdempotencyKey;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/stock")
class StockController {

  private final Catalog catalog;
  private final Downstream stock;

  private final ServiceTokens tokens;

  StockController(
      Catalog catalog, ServiceUrls urls, RestClient.Builder http, ServiceTokens tokens) {
    this.catalog = catalog;
    this.stock = new Downstream("stock", urls.stock(), http);
    this.tokens = tokens;
  }

  /**
   * STAFF only (see the security configuration); wakes the first order waiting for the product. An
   * Idempotency-Key goes to stock, which keeps it per staff member (named by the service token).
   */
  @ApiResponse(
      responseCode = "200",
      description = "The stock after the addition",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "This operation is for staff only")
  @ApiResponse(responseCode = "409", description = "The shelf cannot take that many units")
  @ApiResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used for another addition")
  @PutMapping("/add")
  ResponseEntity<Stock> add(
      @AuthenticationPrincipal Jwt token,
      @RequestParam int idSubscription,
      @RequestParam @Min(value = 1, message = "must be at least 1") @Max(1_000_000) int count,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false)
          @Pattern(regexp = IdempotencyKey.PATTERN, message = "must be " + IdempotencyKey.FORM)
          String idempotencyKey) {
    int productId = catalog.product(idSubscription).id();
    return IdempotencyKey.relay(
        stock.call(
            tokens.of(token),
            client ->
                client
                    .post()
                    .uri("/internal/products/{productId}/additions?units={units}", productId, count)
                    .headers(IdempotencyKey.forward(idempotencyKey))
                    .retrieve()
                    .toEntity(Stock.class)));
  }

  record Stock(int productId, int available) {}
}
