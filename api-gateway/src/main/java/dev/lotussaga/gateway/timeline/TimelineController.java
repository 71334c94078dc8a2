package dev.lotussaga.gateway.timeline;

import dev.lotussaga.gateway.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
  @ApiResponse(
      responseCode = "200",
      description = "The order's saga, step by step",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "There is no such order, or it is not the caller's")
  @GetMapping("/order/{orderId}/timeline")
  Timeline timeline(
      @AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String orderId) {
    return timelines.of(CurrentUser.of(token), orderId);
  }
}
