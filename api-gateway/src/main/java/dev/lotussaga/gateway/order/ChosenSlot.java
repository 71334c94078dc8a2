package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import dev.lotussaga.gateway.system.ApiException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import org.springframework.http.HttpStatus;

/**
 * A delivery slot as the buyer names it: an ISO-8601 date and time with its offset, on the hour,
 * from the next hour on and within the booking horizon. Anything else is bad input (400).
 */
final class ChosenSlot {

  private static final String WHERE_TO_LOOK = "GET /delivery/slots lists the free ones";

  private ChosenSlot() {}

  /**
   * @return {@code null} when no slot was named: the earliest free one
   */
  static Instant parse(String slot, Instant now) {
    if (slot == null || slot.isBlank()) {
      return null;
    }
    Instant start;
    try {
      start = OffsetDateTime.parse(slot.strip()).toInstant();
    } catch (DateTimeParseException notADate) {
      throw badSlot(
          "slot "
              + slot
              + " is not a date and time such as 2026-12-02T10:00:00Z"
              + (slot.contains(" ") ? " (a + in a query is sent as %2B)" : ""));
    }
    if (!DeliverySlots.startsOnTheHour(start)) {
      throw badSlot("slot " + slot + " is not a delivery slot: slots start on the hour");
    }
    if (DeliverySlots.hasStarted(start, now)) {
      throw badSlot("slot " + slot + " has begun or passed");
    }
    if (!DeliverySlots.withinHorizon(start, now)) {
      throw badSlot(
          "slot " + slot + " is more than " + DeliverySlots.HORIZON.toDays() + " days ahead");
    }
    return start;
  }

  private static ApiException badSlot(String why) {
    return new ApiException(HttpStatus.BAD_REQUEST, why + "; " + WHERE_TO_LOOK);
  }
}
