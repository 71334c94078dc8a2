package dev.lotussaga.contracts.order;

import java.math.BigDecimal;

/**
 * What the gateway hands to a new order workflow; the price is fixed at the moment of ordering.
 *
 * @param waitLimits how long the order may wait for each resource; {@code null} (orders started
 *     before limits existed) means the defaults
 */
public record OrderRequest(
    String orderId, long userId, int productId, BigDecimal price, WaitLimits waitLimits) {

  public OrderRequest(String orderId, long userId, int productId, BigDecimal price) {
    this(orderId, userId, productId, price, null);
  }
}
