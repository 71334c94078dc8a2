package dev.lotussaga.contracts.delivery;

import java.time.Instant;

/**
 * @param slot the hourly slot the buyer chose, or {@code null} for the earliest free one (and for
 *     orders placed before buyers could choose)
 */
public record BookCourier(String orderId, int productId, Instant slot) {

  public BookCourier(String orderId, int productId) {
    this(orderId, productId, null);
  }
}
