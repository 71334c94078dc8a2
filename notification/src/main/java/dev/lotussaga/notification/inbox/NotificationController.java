package dev.lotussaga.notification.inbox;

import dev.lotussaga.web.auth.InternalCaller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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

  static final int MAX_LIMIT = 1000;

  /**
   * Oldest first; a page of at most {@code limit} after the notification {@code after} (an id from
   * the page before).
   */
  @GetMapping("/internal/users/{userId}/notifications")
  List<Notification> notifications(
      InternalCaller caller,
      @PathVariable long userId,
      @RequestParam(required = false) String orderId,
      @RequestParam(required = false) Long after,
      @RequestParam(defaultValue = "" + MAX_LIMIT)
          @Min(value = 1, message = "must be between 1 and " + MAX_LIMIT)
          @Max(value = MAX_LIMIT, message = "must be between 1 and " + MAX_LIMIT)
          int limit) {
    caller.mayActFor(userId);
    return store.page(userId, orderId, after, limit);
  }
}
