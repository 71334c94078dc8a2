package dev.lotussaga.contracts.delivery;

import io.temporal.activity.ActivityInterface;

/** Implemented by activities-delivery; idempotent per order id. */
@ActivityInterface
public interface DeliveryActivities {

  String TASK_QUEUE = "delivery";

  /**
   * Books one courier for one time slot, once per order. Products that need manual acceptance are
   * booked only after staff accepted the order; until then the outcome says so and delivery signals
   * the order on acceptance.
   */
  CourierBooking bookCourier(BookCourier command);

  /**
   * Undoes {@link #bookCourier}: frees the courier's slot and withdraws a pending acceptance
   * request. Idempotent; afterwards the order can never be booked.
   */
  void releaseCourier(ReleaseCourier command);
}
