package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import dev.lotussaga.delivery.booking.FreeSlots.FreeSlot;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** Internal API, called by the gateway for any signed-in user. */
@RestController
class SlotController {

  private final FreeSlots freeSlots;
  private final DeliveryPolicies policies;

  SlotController(FreeSlots freeSlots, DeliveryPolicies policies) {
    this.freeSlots = freeSlots;
    this.policies = policies;
  }

  /**
   * @param manualAcceptance staff accept orders of the product before a courier is booked
   */
  record Slots(int productId, boolean manualAcceptance, List<FreeSlot> slots) {}

  @GetMapping("/internal/slots")
  Slots slots(
      @RequestParam int productId,
      @RequestParam(defaultValue = "3")
          @Min(value = 1, message = "must be between 1 and " + DeliverySlots.MAX_LISTED_DAYS)
          @Max(
              value = DeliverySlots.MAX_LISTED_DAYS,
              message = "must be between 1 and " + DeliverySlots.MAX_LISTED_DAYS)
          int days) {
    boolean manualAcceptance =
        policies
            .needsAcceptance(productId)
            .orElseThrow(
                () ->
                    new ResponseStatusException(
                        HttpStatus.NOT_FOUND, "Delivery knows no product " + productId));
    return new Slots(productId, manualAcceptance, freeSlots.next(days, Instant.now()));
  }
}
