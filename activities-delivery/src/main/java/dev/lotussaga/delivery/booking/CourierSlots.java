package dev.lotussaga.delivery.booking;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books the earliest next free hourly slot among all couriers, within the booking horizon. The
 * courier row is locked with {@code SKIP LOCKED}, so concurrent bookings take different couriers
 * instead of queueing (only when every courier is taken at that instant does one wait); each
 * courier's pointer moves under its row lock, and the unique (courier, slot) key backs it up.
 */
@Component
class CourierSlots {

  static final Duration HORIZON = Duration.ofDays(30);

  private final JdbcTemplate jdbc;

  CourierSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CourierSlot> bookEarliest(String orderId) {
    Optional<CourierSlot> free =
        nextSlot("skip locked")
            .or(() -> nextSlot("")) // every courier is being booked right now: queue for one
            .filter(slot -> slot.start().isBefore(Instant.now().plus(HORIZON)));
    free.ifPresent(
        slot -> {
          jdbc.update(
              "update courier set next_free_slot = ? where id = ?",
              Timestamp.from(slot.start().plus(Duration.ofHours(1))),
              slot.courierId());
          jdbc.update(
              "insert into courier_booking (order_id, courier_id, slot_start) values (?, ?, ?)",
              orderId,
              slot.courierId(),
              Timestamp.from(slot.start()));
        });
    return free;
  }

  private Optional<CourierSlot> nextSlot(String lockWait) {
    return jdbc
        .query(
            """
            select id, greatest(coalesce(next_free_slot, 'epoch'),
                                date_trunc('hour', now()) + interval '1 hour') as slot
              from courier
             order by slot, id
             limit 1
               for update %s
            """
                .formatted(lockWait),
            (row, i) -> new CourierSlot(row.getLong(1), row.getTimestamp(2).toInstant()))
        .stream()
        .findFirst();
  }

  Optional<CourierSlot> bookingOf(String orderId) {
    return jdbc
        .query(
            "select courier_id, slot_start from courier_booking where order_id = ?",
            (row, i) -> new CourierSlot(row.getLong(1), row.getTimestamp(2).toInstant()),
            orderId)
        .stream()
        .findFirst();
  }
}
