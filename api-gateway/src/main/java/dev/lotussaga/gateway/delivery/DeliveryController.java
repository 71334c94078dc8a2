package dev.lotussaga.gateway.delivery;

import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import dev.lotussaga.web.IdempotencyKey;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/delivery")
class DeliveryController {

  private final Orders orders;
  private final Downstream delivery;

  private final ServiceTokens tokens;

  DeliveryController(
      Orders orders, ServiceUrls urls, RestClient.Builder http, ServiceTokens tokens) {
    this.orders = orders;
    this.delivery = new Downstream("delivery", urls.delivery(), http);
    this.tokens = tokens;
  }

  /**
   * STAFF only; an order accepted before gets the first answer again (marked Idempotent-Replayed),
   * 409 (from delivery) when the order does not wait for acceptance and was never accepted.
   */
  @ApiResponse(
      responseCode = "200",
      description = "Accepted (Idempotent-Replayed when it was accepted before)",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "This operation is for staff only")
  @ApiResponse(responseCode = "404", description = "There is no such order")
  @ApiResponse(
      responseCode = "409",
      description = "The order does not wait for a courier and was never accepted")
  @PutMapping("/accept")
  ResponseEntity<Accepted> accept(
      @AuthenticationPrincipal Jwt token, @RequestParam @Size(max = 64) String idOrder) {
    String orderId = orders.existing(idOrder);
    return IdempotencyKey.relay(
        delivery.call(
            tokens.of(token),
            client ->
                client
                    .post()
                    .uri("/internal/acceptances/{orderId}", orderId)
                    .retrieve()
                    .toEntity(Accepted.class)));
  }

  record Accepted(String orderId, Instant acceptedAt) {}
}
