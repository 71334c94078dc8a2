package dev.lotussaga.stock.product;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
class StockAddition {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private int productId;

  private int units;

  private Instant createdAt;

  protected StockAddition() {}

  StockAddition(int productId, int units) {
    this.productId = productId;
    this.units = units;
    this.createdAt = Instant.now();
  }
}
