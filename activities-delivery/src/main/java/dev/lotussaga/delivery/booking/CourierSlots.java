package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Books couriers in hourly slots. Every booking first locks the courier's row, so the bookings of
 * one courier never race; the unique (courier, slot) key backs it up.
 *
 * <p>The earliest free slot: the courier whose next free slot is earliest is locked with {@code
 * SKIP LOCKED}, so concurrent bookings take different couriers instead of queueing (only when every
 * courier is taken at that instant does one wait), and its pointer moves an hour on. A slot a buyer
 * chose may sit at the pointer already: then the courier's first free hour after it is booked.
 *
 * <p>A chosen slot: the first courier without a booking in it.
 */
@Component
class CourierSlots {

  private final JdbcTemplate jdbc;

  CourierSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  Optional<CourierSlot> bookEarliest(String orderId) {
    Instant horizon = Instant.now().plus(DeliverySlots.HORIZON);
    Optional<CourierSlot> next =
        nextSlot("skip locked")
            .or(() -> nextSlot("")) // every courier is being booked right now: queue for one
            .filter(slot -> slot.start().isBefore(horizon));
    if (next.isEmpty()) {
      return Optional.empty();
    }
    CourierSlot slot = next.get();
    if (!insert(orderId, slot)) {
      // A buyer chose this slot of the courier: take the courier's first free hour after it.
      Optional<CourierSlot> free =
          firstFreeAfter(slot, horizon).filter(later -> later.start().isBefore(horizon));
      if (free.isEmpty()) {
        return Optional.empty();
      }
      slot = free.get();
      insert(orderId, slot);
    }
    movePointerPast(slot);
    return Optional.of(slot);
  }

  /** Empty when every courier is booked in that slot. */
  Optional<CourierSlot> bookChosen(String orderId, Instant start) {
    // A courier found free may be booked by a transaction that held its lock meanwhile: look again.
    for (int attempt = 0; attempt < 3; attempt++) {
      Optional<Long> courier = freeCourier(start, "skip locked").or(() -> freeCourier(start, ""));
      if (courier.isEmpty()) {
        return Optional.empty();
      }
      CourierSlot slot = new CourierSlot(courier.get(), start);
      if (insert(orderId, slot)) {
        jdbc.update(
            """
            update courier set next_free_slot = ?
             where id = ?
               and greatest(coalesce(next_free_slot, 'epoch'),
                            date_trunc('hour', now()) + interval '1 hour') = ?
            """,
            Timestamp.from(start.plus(DeliverySlots.LENGTH)),
            slot.courierId(),
            Timestamp.from(start));
        return Optional.of(slot);
      }
    }
    return Optional.empty();
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

  /** The locked courier's first hour without a booking, after its pointer. */
  private Optional<CourierSlot> firstFreeAfter(CourierSlot pointer, Instant horizon) {
    Timestamp free =
        jdbc.queryForObject(
            """
            select min(hour)
              from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') hour
             where not exists (select 1 from courier_booking
                                where courier_id = ? and slot_start = hour)
            """,
            Timestamp.class,
            Timestamp.from(pointer.start()),
            Timestamp.from(horizon),
            pointer.courierId());
    return Optional.ofNullable(free)
        .map(start -> new CourierSlot(pointer.courierId(), start.toInstant()));
  }

  private Optional<Long> freeCourier(Instant start, String lockWait) {
    return jdbc
        .queryForList(
            """
            select id from courier c
             where not exists (select 1 from courier_booking b
                                where b.courier_id = c.id and b.slot_start = ?)
             order by id
             limit 1
               for update %s
            """
                .formatted(lockWait),
            Long.class,
            Timestamp.from(start))
        .stream()
        .findFirst();
  }

  /** False when the courier is booked in that slot already. */
  private boolean insert(String orderId, CourierSlot slot) {
    return jdbc.update(
            """
            insert into courier_booking (order_id, courier_id, slot_start) values (?, ?, ?)
            on conflict (courier_id, slot_start) do nothing
            """,
            orderId,
            slot.courierId(),
            Timestamp.from(slot.start()))
        == 1;
  }

  private void movePointerPast(CourierSlot slot) {
    jdbc.update(
        "update courier set next_free_slot = ? where id = ?",
        Timestamp.from(slot.start().plus(DeliverySlots.LENGTH)),
        slot.courierId());
  }
}
