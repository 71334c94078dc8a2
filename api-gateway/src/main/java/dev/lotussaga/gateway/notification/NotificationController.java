package dev.lotussaga.gateway.notification;

import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
class NotificationController {

  private final Orders orders;
  private final Downstream notifications;

  private final ServiceTokens tokens;

  NotificationController(
      Orders orders, ServiceUrls urls, RestClient.Builder http, ServiceTokens tokens) {
    this.orders = orders;
    this.notifications = new Downstream("notification", urls.notification(), http);
    this.tokens = tokens;
  }

  /**
   * The caller's notifications, oldest first; only one order's with {@code orderId}, which must be
   * an order the caller may see (404 otherwise, as for any order that is not theirs).
   */
  @ApiResponse(
      responseCode = "200",
      description = "The caller's notifications, oldest first",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "orderId names no order the caller may see")
  @GetMapping("/notification")
  List<Notification> notifications(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) @Size(min = 1, max = 64) String orderId) {
    CurrentUser caller = CurrentUser.of(token);
    Optional<String> visibleOrderId =
        Optional.ofNullable(orderId).map(id -> orders.visibleId(caller, id));
    return notifications.call(
        tokens.of(token),
        client ->
            client
                .get()
                .uri(
                    builder ->
                        builder
                            .path("/internal/users/{userId}/notifications")
                            .queryParamIfPresent("orderId", visibleOrderId)
                            .build(caller.id()))
                .retrieve()
                .body(new ParameterizedTypeReference<List<Notification>>() {}));
  }

  /** Unknown fields of the internal answer (the owner id) are not passed on. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Notification(long id, String orderId, String type, String message, Instant createdAt) {}
}
