package dev.lotussaga.delivery.booking;

import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Which products staff accept for delivery before a courier is booked. */
@Component
class DeliveryPolicies {

  private final JdbcTemplate jdbc;

  DeliveryPolicies(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /** Empty for a product delivery does not know. */
  Optional<Boolean> needsAcceptance(int productId) {
    return jdbc
        .queryForList(
            "select manual_acceptance from delivery_policy where product_id = ?",
            Boolean.class,
            productId)
        .stream()
        .findFirst();
  }
}
