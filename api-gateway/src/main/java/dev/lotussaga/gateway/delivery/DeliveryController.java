package dev.lotussaga.gateway.delivery;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import dev.lotussaga.gateway.catalog.Catalog;
import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import dev.lotussaga.web.IdempotencyKey;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/delivery")
class DeliveryController {

  private final Orders orders;
  private final Catalog catalog;
  private final Downstream delivery;
  private final ServiceTokens tokens;

  DeliveryController(
      Orders orders,
      Catalog catalog,
      ServiceUrls urls,
      RestClient.Builder http,
      ServiceTokens tokens) {
    this.orders = orders;
    this.catalog = catalog;
    this.delivery = new Downstream("delivery", urls.delivery(), http);
    this.tokens = tokens;
  }

  /**
   * The hourly slots with at least one courier free, from the next hour on, for {@code days} days
   * (3 unless given, at most 14): the slots a buyer may name when placing an order. A slot listed
   * can still be taken before the order reaches delivery; the order then waits and says so.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The free slots, earliest first",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "400",
      description = "There is no such product, or days is out of range")
  @GetMapping("/slots")
  FreeSlots slots(
      @AuthenticationPrincipal Jwt token,
      @RequestParam int idSubscription,
      @RequestParam(defaultValue = "3")
          @Min(value = 1, message = "must be between 1 and " + DeliverySlots.MAX_LISTED_DAYS)
          @Max(
              value = DeliverySlots.MAX_LISTED_DAYS,
              message = "must be between 1 and " + DeliverySlots.MAX_LISTED_DAYS)
          int days) {
    catalog.product(idSubscription);
    ListedByDelivery listed =
        delivery.call(
            tokens.of(token),
            client ->
                client
                    .get()
                    .uri(
                        uri ->
                            uri.path("/internal/slots")
                                .queryParam("productId", idSubscription)
                                .queryParam("days", days)
                                .build())
                    .retrieve()
                    .body(ListedByDelivery.class));
    return new FreeSlots(idSubscription, listed.manualAcceptance(), listed.slots());
  }

  /**
   * @param manualAcceptance staff accept orders of this product before a courier is booked
   */
  record FreeSlots(int idSubscription, boolean manualAcceptance, List<FreeSlot> slots) {}

  record FreeSlot(Instant start, Instant end, int freeCouriers) {}

  /** As delivery answers it. */
  private record ListedByDelivery(int productId, boolean manualAcceptance, List<FreeSlot> slots) {}

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
