package dev.lotussaga.stock.product;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

@Entity
public class ProductStock {

  @Id private Integer productId;

  private int initialUnits;

  private int available;

  private Instant updatedAt;

  protected ProductStock() {}

  public int productId() {
    return productId;
  }

  public int available() {
    return available;
  }

  /**
   * Arrivals stop here, far below the column's limit, so that no sequence of additions can overflow
   * it; a returned unit may still go above.
   */
  public static final int MAX_AVAILABLE = 1_000_000_000;

  boolean hasRoomFor(int units) {
    return available <= MAX_AVAILABLE - units;
  }

  void add(int units) {
    available = Math.addExact(available, units);
    updatedAt = Instant.now();
  }

  /** A cancelled order's reserved unit comes back. */
  public void putBack() {
    add(1);
  }

  public void takeOne() {
    take(1);
  }

  void take(int units) {
    if (units > available) {
      throw new IllegalStateException(
          "Product " + productId + " has " + available + " units, not " + units);
    }
    available -= units;
    updatedAt = Instant.now();
  }
}
