package dev.lotussaga.delivery.booking;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensation of a booking: frees the slot, withdraws a pending acceptance request (so staff can
 * no longer accept it) and bars the order from being booked later. Idempotent.
 */
@Component
class CourierReleaser {

  private final JdbcTemplate jdbc;

  CourierReleaser(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Transactional
  void release(String orderId) {
    jdbc.update(
        "insert into cancelled_order (order_id) values (?) on conflict (order_id) do nothing",
        orderId);
    jdbc.update("delete from courier_booking where order_id = ?", orderId);
    jdbc.update("delete from acceptance_request where order_id = ?", orderId);
  }

  boolean isCancelled(String orderId) {
    return jdbc.queryForObject(
        "select exists (select 1 from cancelled_order where order_id = ?)", Boolean.class, orderId);
  }
}
