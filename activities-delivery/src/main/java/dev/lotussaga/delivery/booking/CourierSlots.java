package dev.lotussaga.delivery.booking;

import java.sql.Timestamp;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books the earliest free hourly slot of any courier within the booking horizon. Bookings are
 * serialized by one transaction-scoped advisory lock; the unique (courier, slot) key backs it up.
 */
@Component
class CourierSlots {

  private final JdbcTemplate jdbc;

  CourierSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CourierSlot> bookEarliest(String orderId) {
    jdbc.query("select pg_advisory_xact_lock(hashtext('courier-slots'))", row -> {});
    Optional<CourierSlot> free =
        jdbc
            .query(
                """
                select c.id, s.slot
                  from courier c
                 cross join generate_series(date_trunc('hour', now()) + interval '1 hour',
                                            date_trunc('hour', now()) + interval '30 days',
                                            interval '1 hour') as s(slot)
                 where not exists (select 1 from courier_booking b
                                    where b.courier_id = c.id and b.slot_start = s.slot)
                 order by s.slot, c.id
                 limit 1
                """,
                (row, i) -> new CourierSlot(row.getLong(1), row.getTimestamp(2).toInstant()))
            .stream()
            .findFirst();
    free.ifPresent(
        slot ->
            jdbc.update(
                "insert into courier_booking (order_id, courier_id, slot_start) values (?, ?, ?)",
                orderId,
                slot.courierId(),
                Timestamp.from(slot.start())));
    return free;
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
