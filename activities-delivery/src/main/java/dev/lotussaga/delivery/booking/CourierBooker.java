package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.CourierBooking.Status;
import dev.lotussaga.contracts.delivery.DeliverySlots;
import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.delivery.acceptance.AcceptanceRequest;
import dev.lotussaga.delivery.acceptance.AcceptanceRequestRepository;
import io.temporal.failure.ApplicationFailure;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Books a courier once per order, in the slot the buyer chose or else the earliest free one;
 * products that need acceptance wait for staff first.
 */
@Component
class CourierBooker {

  private final CourierSlots slots;
  private final AcceptanceRequestRepository acceptances;
  private final DeliveryPolicies policies;
  private final CourierReleaser releaser;

  CourierBooker(
      CourierSlots slots,
      AcceptanceRequestRepository acceptances,
      DeliveryPolicies policies,
      CourierReleaser releaser) {
    this.slots = slots;
    this.acceptances = acceptances;
    this.policies = policies;
    this.releaser = releaser;
  }

  @Transactional
  CourierBooking book(BookCourier order) {
    var existing = slots.bookingOf(order.orderId());
    if (existing.isPresent()) {
      return CourierBooking.booked(existing.get().courierId(), existing.get().start());
    }
    if (releaser.isCancelled(order.orderId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Order " + order.orderId() + " was cancelled", FailureTypes.ORDER_CANCELLED);
    }
    if (needsAcceptance(order.productId()) && !accepted(order)) {
      return CourierBooking.notBooked(Status.AWAITING_ACCEPTANCE);
    }
    if (order.slot() == null) {
      return slots
          .bookEarliest(order.orderId())
          .map(slot -> CourierBooking.booked(slot.courierId(), slot.start()))
          .orElse(CourierBooking.notBooked(Status.NO_COURIER_FREE));
    }
    return bookChosen(order);
  }

  private CourierBooking bookChosen(BookCourier order) {
    if (!DeliverySlots.startsOnTheHour(order.slot())) {
      throw ApplicationFailure.newNonRetryableFailure(
          order.slot() + " is not a delivery slot: slots start on the hour",
          FailureTypes.NOT_A_SLOT);
    }
    if (DeliverySlots.hasStarted(order.slot(), Instant.now())) {
      return CourierBooking.notBooked(Status.SLOT_PASSED);
    }
    return slots
        .bookChosen(order.orderId(), order.slot())
        .map(slot -> CourierBooking.booked(slot.courierId(), slot.start()))
        .orElse(CourierBooking.notBooked(Status.SLOT_TAKEN));
  }

  private boolean needsAcceptance(int productId) {
    return policies
        .needsAcceptance(productId)
        .orElseThrow(
            () ->
                ApplicationFailure.newNonRetryableFailure(
                    "No delivery policy for product " + productId, FailureTypes.UNKNOWN_PRODUCT));
  }

  /** Files the acceptance request on the first call, so that staff see the order waiting. */
  private boolean accepted(BookCourier order) {
    return acceptances
        .findForUpdate(order.orderId())
        .map(AcceptanceRequest::isAccepted)
        .orElseGet(
            () -> {
              acceptances.save(new AcceptanceRequest(order.orderId(), order.productId()));
              return false;
            });
  }
}
