package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.DeliveryActivities;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = DeliveryActivities.TASK_QUEUE)
class BookingActivities implements DeliveryActivities {

  private final CourierBooker booker;

  BookingActivities(CourierBooker booker) {
    this.booker = booker;
  }

  @Override
  public CourierBooking bookCourier(BookCourier command) {
    return booker.book(command);
  }
}
