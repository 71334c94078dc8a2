package dev.lotussaga.delivery.booking;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The hourly slots in which at least one courier is free. */
@Component
class FreeSlots {

  record FreeSlot(Instant start, Instant end, int freeCouriers) {}

  private final JdbcTemplate jdbc;

  FreeSlots(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** From the next hour on, for {@code days} days. */
  List<FreeSlot> next(int days, Instant now) {
    Instant first = DeliverySlots.firstBookable(now);
    Instant last = first.plus(Duration.ofDays(days)).minus(DeliverySlots.LENGTH);
    return jdbc.query(
        """
        select hour, couriers.total - count(b.order_id) as free
          from generate_series(?::timestamptz, ?::timestamptz, interval '1 hour') hour
         cross join (select count(*) as total from courier) couriers
          left join courier_booking b on b.slot_start = hour
         group by hour, couriers.total
        having couriers.total - count(b.order_id) > 0
         order by hour
        """,
        (row, i) -> {
          Instant start = row.getTimestamp(1).toInstant();
          return new FreeSlot(start, start.plus(DeliverySlots.LENGTH), row.getInt(2));
        },
        Timestamp.from(first),
        Timestamp.from(last));
  }
}
