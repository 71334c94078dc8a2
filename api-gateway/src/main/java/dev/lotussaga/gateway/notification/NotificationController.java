package dev.lotussaga.gateway.notification;

import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.security.ServiceTokens;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;
import org.springframework.web.util.UriComponentsBuilder;

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

  static final int MAX_PAGE = 100;

  /**
   * The caller's notifications, oldest first, a page of at most {@code limit} (100 unless given);
   * only one order's with {@code orderId}, which must be an order the caller may see (404
   * otherwise, as for any order that is not theirs). When there are more, {@code Link: <...>;
   * rel="next"} names the next page: the same query with {@code after} the last one's id.
   */
  @ApiResponse(
      responseCode = "200",
      description =
          "The caller's notifications, oldest first; a Link header with rel=\"next\" when there"
              + " are more",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "orderId names no order the caller may see")
  @GetMapping("/notification")
  ResponseEntity<List<Notification>> notifications(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(required = false) @Size(min = 1, max = 64) String orderId,
      @Parameter(description = "The id of the last notification of the page before")
          @RequestParam(required = false)
          @PositiveOrZero(message = "must be a notification id")
          Long after,
      @RequestParam(defaultValue = "" + MAX_PAGE)
          @Min(value = 1, message = "must be between 1 and " + MAX_PAGE)
          @Max(value = MAX_PAGE, message = "must be between 1 and " + MAX_PAGE)
          int limit) {
    CurrentUser caller = CurrentUser.of(token);
    Optional<String> visibleOrderId =
        Optional.ofNullable(orderId).map(id -> orders.visibleId(caller, id));
    List<Notification> page =
        notifications.call(
            tokens.of(token),
            client ->
                client
                    .get()
                    .uri(
                        builder ->
                            builder
                                .path("/internal/users/{userId}/notifications")
                                .queryParamIfPresent("orderId", visibleOrderId)
                                .queryParamIfPresent("after", Optional.ofNullable(after))
                                .queryParam("limit", limit + 1)
                                .build(caller.id()))
                    .retrieve()
                    .body(new ParameterizedTypeReference<List<Notification>>() {}));
    if (page.size() <= limit) {
      return ResponseEntity.ok(page);
    }
    List<Notification> shown = page.subList(0, limit);
    String next =
        UriComponentsBuilder.fromPath("/notification")
            .queryParamIfPresent("orderId", visibleOrderId)
            .queryParam("after", shown.get(limit - 1).id())
            .queryParam("limit", limit)
            .encode()
            .build()
            .toUriString();
    return ResponseEntity.ok().header(HttpHeaders.LINK, "<" + next + ">; rel=\"next\"").body(shown);
  }

  /** Unknown fields of the internal answer (the owner id) are not passed on. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Notification(long id, String orderId, String type, String message, Instant createdAt) {}
}
