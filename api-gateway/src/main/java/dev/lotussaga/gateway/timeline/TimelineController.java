package dev.lotussaga.gateway.timeline;

import dev.lotussaga.gateway.security.CurrentUser;
import jakarta.validation.constraints.Size;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TimelineController {

  private final Timelines timelines;

  TimelineController(Timelines timelines) {
    this.timelines = timelines;
  }

  /** The owner or staff; 404 for everyone else, as for the order itself. */
  @GetMapping("/order/{orderId}/timeline")
  Timeline timeline(
      @AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String orderId) {
    return timelines.of(CurrentUser.of(token), orderId);
  }
}
