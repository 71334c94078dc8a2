package dev.lotussaga.stock.product;

import dev.lotussaga.signals.WaitingLine;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Hands the product's available units to the orders waiting in its line, first come first served,
 * in the caller's transaction under the product's row lock: each served order gets its reservation
 * and leaves the line, and its workflow is woken to find the unit reserved. One transaction serves
 * a whole arrival, so a line of thousands is served at once, not one wake-up after another, and a
 * unit never waits while an order waits for it.
 */
@Component
public class WaitingOrdersServed {

  private final WaitingLine stockWaitingLine;
  private final JdbcTemplate jdbc;

  WaitingOrdersServed(WaitingLine stockWaitingLine, JdbcTemplate jdbc) {
    this.stockWaitingLine = stockWaitingLine;
    this.jdbc = jdbc;
  }

  /** The orders that got a unit, in line order; the caller holds the product's row lock. */
  public List<String> serve(ProductStock stock) {
    if (stock.available() == 0) {
      return List.of();
    }
    List<String> served =
        stockWaitingLine.serveFirst(Integer.toString(stock.productId()), stock.available());
    if (served.isEmpty()) {
      return served;
    }
    // An order leaves the line in the transaction that reserves or cancels it: none holds a unit.
    jdbc.batchUpdate(
        "insert into stock_reservation (order_id, product_id) values (?, ?)",
        served.stream().map(orderId -> new Object[] {orderId, stock.productId()}).toList());
    stock.take(served.size());
    return served;
  }
}
