package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.CourierBooking.Status;
import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.delivery.acceptance.AcceptanceRequest;
import dev.lotussaga.delivery.acceptance.AcceptanceRequestRepository;
import io.temporal.failure.ApplicationFailure;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Books a courier once per order; products that need acceptance wait for staff first. */
@Component
class CourierBooker {

  private final CourierSlots slots;
  private final AcceptanceRequestRepository acceptances;
  private final JdbcTemplate jdbc;
  private final CourierReleaser releaser;

  CourierBooker(
      CourierSlots slots,
      AcceptanceRequestRepository acceptances,
      JdbcTemplate jdbc,
      CourierReleaser releaser) {
    this.slots = slots;
    this.acceptances = acceptances;
    this.jdbc = jdbc;
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
    return slots
        .bookEarliest(order.orderId())
        .map(slot -> CourierBooking.booked(slot.courierId(), slot.start()))
        .orElse(CourierBooking.notBooked(Status.NO_COURIER_FREE));
  }

  private boolean needsAcceptance(int productId) {
    return jdbc
        .queryForList(
            "select manual_acceptance from delivery_policy where product_id = ?",
            Boolean.class,
            productId)
        .stream()
        .findFirst()
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
