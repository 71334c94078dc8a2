package dev.lotussaga.stock.reservation;

import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.signals.WaitingLine;
import dev.lotussaga.stock.product.ProductStock;
import dev.lotussaga.stock.product.ProductStockRepository;
import dev.lotussaga.stock.product.WaitingOrdersServed;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Compensation of a reservation, under the product's row lock. The cancelled_order row makes it
 * happen once and bars the order from reserving later; a returned unit goes to the next waiting
 * order.
 */
@Component
class UnitReleaser {

  private final ProductStockRepository products;
  private final StockReservationRepository reservations;
  private final WaitingLine stockWaitingLine;
  private final WaitingOrdersServed waitingOrders;
  private final JdbcTemplate jdbc;

  UnitReleaser(
      ProductStockRepository products,
      StockReservationRepository reservations,
      WaitingLine stockWaitingLine,
      WaitingOrdersServed waitingOrders,
      JdbcTemplate jdbc) {
    this.products = products;
    this.reservations = reservations;
    this.stockWaitingLine = stockWaitingLine;
    this.waitingOrders = waitingOrders;
    this.jdbc = jdbc;
  }

  @Transactional
  void release(ReleaseStock order) {
    ProductStock stock = products.findForUpdate(order.productId()).orElse(null);
    if (stock == null || isCancelled(order.orderId())) {
      return;
    }
    String product = Integer.toString(order.productId());
    stockWaitingLine.leave(order.orderId(), product);
    boolean heldAUnit = reservations.existsById(order.orderId());
    jdbc.update(
        "insert into cancelled_order (order_id, product_id, returned_units) values (?, ?, ?)",
        order.orderId(),
        order.productId(),
        heldAUnit ? 1 : 0);
    if (heldAUnit) {
      stock.putBack();
    }
    waitingOrders.serve(stock);
  }

  boolean isCancelled(String orderId) {
    return jdbc.queryForObject(
        "select exists (select 1 from cancelled_order where order_id = ?)", Boolean.class, orderId);
  }
}
