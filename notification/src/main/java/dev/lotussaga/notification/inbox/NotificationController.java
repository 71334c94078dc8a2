package dev.lotussaga.notification.inbox;

import dev.lotussaga.web.auth.InternalCaller;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API, called by the gateway for the signed-in buyer (their own only) or staff. */
@RestController
class NotificationController {

  private final NotificationStore store;

  NotificationController(NotificationStore store) {
    this.store = store;
  }

  @GetMapping("/internal/users/{userId}/notifications")
  List<Notification> notifications(
      InternalCaller caller,
      @PathVariable long userId,
      @RequestParam(required = false) String orderId) {
    caller.mayActFor(userId);
    return orderId == null ? store.forUser(userId) : store.forUsersOrder(userId, orderId);
  }
}
