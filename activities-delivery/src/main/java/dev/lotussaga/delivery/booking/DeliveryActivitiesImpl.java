package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.BookCourier;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.delivery.DeliveryActivities;
import dev.lotussaga.contracts.delivery.ReleaseCourier;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = DeliveryActivities.TASK_QUEUE)
class DeliveryActivitiesImpl implements DeliveryActivities {

  private final CourierBooker booker;
  private final CourierReleaser releaser;

  DeliveryActivitiesImpl(CourierBooker booker, CourierReleaser releaser) {
    this.booker = booker;
    this.releaser = releaser;
  }

  @Override
  public CourierBooking bookCourier(BookCourier command) {
    return booker.book(command);
  }

  @Override
  public void releaseCourier(ReleaseCourier command) {
    releaser.release(command.orderId());
  }
}
