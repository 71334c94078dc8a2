package dev.lotussaga.contracts.delivery;

import java.time.Instant;

/** Result of a booking attempt; courier and slot are set only when {@code status} is BOOKED. */
public record CourierBooking(Status status, Long courierId, Instant slotStart) {

  public enum Status {
    BOOKED,
    AWAITING_ACCEPTANCE,
    NO_COURIER_FREE,
    /** Every courier is booked in the slot the buyer chose. */
    SLOT_TAKEN,
    /** The slot the buyer chose has started or passed: only another slot can be booked. */
    SLOT_PASSED
  }

  public static CourierBooking booked(long courierId, Instant slotStart) {
    return new CourierBooking(Status.BOOKED, courierId, slotStart);
  }

  public static CourierBooking notBooked(Status status) {
    return new CourierBooking(status, null, null);
  }

  public boolean hasCourier() {
    return status == Status.BOOKED;
  }
}
