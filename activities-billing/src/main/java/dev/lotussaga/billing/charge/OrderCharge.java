package dev.lotussaga.billing.charge;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
class OrderCharge {

  @Id private String orderId;

  private long userId;

  private BigDecimal amount;

  private Instant chargedAt;

  protected OrderCharge() {}

  OrderCharge(String orderId, long userId, BigDecimal amount) {
    this.orderId = orderId;
    this.userId = userId;
    this.amount = amount;
    this.chargedAt = Instant.now();
  }

  BigDecimal amount() {
    return amount;
  }
}
