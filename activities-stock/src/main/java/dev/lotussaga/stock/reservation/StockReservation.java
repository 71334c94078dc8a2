package dev.lotussaga.stock.reservation;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class StockReservation {

  @Id private String orderId;

  private int productId;

  private Instant reservedAt;

  protected StockReservation() {}

  StockReservation(String orderId, int productId) {
    this.orderId = orderId;
    this.productId = productId;
    this.reservedAt = Instant.now();
  }
}
