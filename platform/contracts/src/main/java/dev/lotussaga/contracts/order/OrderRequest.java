package dev.lotussaga.contracts.order;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * What the gateway hands to a new order workflow; the price is fixed at the moment of ordering.
 *
 * @param waitLimits how long the order may wait for each resource; {@code null} (orders started
 *     before limits existed) means the defaults
 * @param resumption {@code null} for an order's first run; what a re-driven run carries over
 * @param stuckAfterAttempts failed attempts of a step or compensation after which the order shows
 *     it stuck; {@code null} means {@link #DEFAULT_STUCK_AFTER_ATTEMPTS}
 * @param deliverySlot the hourly slot the buyer chose for delivery, or {@code null}: the earliest
 *     free one
 */
public record OrderRequest(
    String orderId,
    long userId,
    int productId,
    BigDecimal price,
    WaitLimits waitLimits,
    Resumption resumption,
    Integer stuckAfterAttempts,
    Instant deliverySlot) {

  public static final int DEFAULT_STUCK_AFTER_ATTEMPTS = 10;

  public OrderRequest(String orderId, long userId, int productId, BigDecimal price) {
    this(orderId, userId, productId, price, null, null, null, null);
  }

  public OrderRequest(
      String orderId, long userId, int productId, BigDecimal price, WaitLimits waitLimits) {
    this(orderId, userId, productId, price, waitLimits, null, null, null);
  }

  public OrderRequest(
      String orderId,
      long userId,
      int productId,
      BigDecimal price,
      WaitLimits waitLimits,
      Resumption resumption) {
    this(orderId, userId, productId, price, waitLimits, resumption, null, null);
  }

  public OrderRequest(
      String orderId,
      long userId,
      int productId,
      BigDecimal price,
      WaitLimits waitLimits,
      Resumption resumption,
      Integer stuckAfterAttempts) {
    this(orderId, userId, productId, price, waitLimits, resumption, stuckAfterAttempts, null);
  }

  public int stuckAfterAttemptsOrDefault() {
    return stuckAfterAttempts == null || stuckAfterAttempts < 1
        ? DEFAULT_STUCK_AFTER_ATTEMPTS
        : stuckAfterAttempts;
  }

  /** The resumption of a re-driven run, or {@link Resumption#FIRST_RUN}. */
  public Resumption resumptionOrFirstRun() {
    return resumption == null ? Resumption.FIRST_RUN : resumption;
  }
}
