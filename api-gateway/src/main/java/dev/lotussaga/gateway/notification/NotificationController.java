package dev.lotussaga.gateway.notification;

import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import java.time.Instant;
import java.util.List;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
class NotificationController {

  private final Downstream notifications;

  NotificationController(ServiceUrls urls, RestClient.Builder http) {
    this.notifications = new Downstream("notification", urls.notification(), http);
  }

  /** The caller's notifications, oldest first. */
  @GetMapping("/notification")
  List<Notification> notifications(@AuthenticationPrincipal Jwt token) {
    long userId = CurrentUser.of(token).id();
    return notifications.call(
        client ->
            client
                .get()
                .uri("/internal/users/{userId}/notifications", userId)
                .retrieve()
                .body(new ParameterizedTypeReference<List<Notification>>() {}));
  }

  /** Unknown fields of the internal answer (the owner id) are not passed on. */
  @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
  record Notification(long id, String orderId, String type, String message, Instant createdAt) {}
}
