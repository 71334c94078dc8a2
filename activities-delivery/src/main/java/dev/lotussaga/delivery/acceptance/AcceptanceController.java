package dev.lotussaga.delivery.acceptance;

import dev.lotussaga.web.IdempotencyKey;
import dev.lotussaga.web.auth.InternalCaller;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** Internal API, called by the gateway for staff. */
@RestController
class AcceptanceController {

  private final Acceptances acceptances;

  AcceptanceController(Acceptances acceptances) {
    this.acceptances = acceptances;
  }

  /** An order accepted before gets the same answer again, marked Idempotent-Replayed. */
  @PostMapping("/internal/acceptances/{orderId}")
  ResponseEntity<?> accept(InternalCaller caller, @PathVariable String orderId) {
    caller.mustBeStaff();
    return acceptances
        .accept(orderId)
        .<ResponseEntity<?>>map(
            acceptance -> {
              Accepted accepted = new Accepted(orderId, acceptance.acceptedAt());
              return acceptance.earlier()
                  ? IdempotencyKey.replayed(accepted)
                  : ResponseEntity.ok(accepted);
            })
        .orElseGet(
            () ->
                ResponseEntity.status(HttpStatus.CONFLICT)
                    .body(
                        ProblemDetail.forStatusAndDetail(
                            HttpStatus.CONFLICT,
                            "Order " + orderId + " is not waiting for delivery acceptance")));
  }

  record Accepted(String orderId, Instant acceptedAt) {}
}
