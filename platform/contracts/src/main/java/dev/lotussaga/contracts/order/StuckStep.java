package dev.lotussaga.contracts.order;

import java.time.Instant;

/**
 * A step or a compensation of an order that keeps failing. The saga keeps retrying behind it; staff
 * see it in their recovery queue ({@code GET /admin/stuck}).
 *
 * @param step {@code charge}, {@code reserve_stock}, {@code book_courier}, or a compensation:
 *     {@code refund}, {@code release_stock}, {@code release_courier}
 * @param attempts failed attempts so far
 * @param lastError what the last attempt failed with
 * @param since when the order first showed it stuck on this step
 * @param waitsForStaff a compensation that failed for good: retried only when staff say so, or
 *     resolved by hand
 */
public record StuckStep(
    String step, int attempts, String lastError, Instant since, boolean waitsForStaff) {

  /** Not a JavaBeans getter, so that it stays out of the JSON. */
  public boolean concernsACompensation() {
    return step.equals("refund") || step.startsWith("release_");
  }
}
