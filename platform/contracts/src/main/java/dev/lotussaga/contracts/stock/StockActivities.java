package dev.lotussaga.contracts.stock;

import io.temporal.activity.ActivityInterface;

/** Implemented by activities-stock; idempotent per order id. */
@ActivityInterface
public interface StockActivities {

  String TASK_QUEUE = "stock";

  /**
   * Reserves one unit of the product for the order, once per order. Out of stock (or behind earlier
   * waiting orders): the order is queued and {@link ReservationOutcome#OUT_OF_STOCK} returned;
   * stock signals the order when it is its turn.
   */
  ReservationOutcome reserveStock(ReserveStock command);

  /**
   * Undoes {@link #reserveStock}: takes the order out of the line and returns its unit, if it held
   * one, waking the next order waiting for the product. Idempotent; afterwards the order can never
   * reserve.
   */
  void releaseStock(ReleaseStock command);
}
