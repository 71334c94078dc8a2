package dev.lotussaga.stock.reservation;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import dev.lotussaga.signals.WaitingLine;
import dev.lotussaga.stock.product.ProductStock;
import dev.lotussaga.stock.product.ProductStockRepository;
import io.temporal.failure.ApplicationFailure;
import jakarta.persistence.EntityManager;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a unit under the product's row lock. The reservation's primary key makes a second call
 * for the same order a no-op; the waiting line hands arriving units to orders in the order they
 * waited.
 */
@Component
class UnitReserver {

  private final ProductStockRepository products;
  private final StockReservationRepository reservations;
  private final WaitingLine stockWaitingLine;
  private final UnitReleaser releaser;
  private final EntityManager entityManager;

  UnitReserver(
      ProductStockRepository products,
      StockReservationRepository reservations,
      WaitingLine stockWaitingLine,
      UnitReleaser releaser,
      EntityManager entityManager) {
    this.products = products;
    this.reservations = reservations;
    this.stockWaitingLine = stockWaitingLine;
    this.releaser = releaser;
    this.entityManager = entityManager;
  }

  @Transactional
  ReservationOutcome reserve(ReserveStock order) {
    ProductStock stock =
        products
            .findForUpdate(order.productId())
            .orElseThrow(
                () ->
                    ApplicationFailure.newNonRetryableFailure(
                        "No product " + order.productId() + " in stock",
                        FailureTypes.UNKNOWN_PRODUCT));
    if (releaser.isCancelled(order.orderId())) {
      throw ApplicationFailure.newNonRetryableFailure(
          "Order " + order.orderId() + " was cancelled", FailureTypes.ORDER_CANCELLED);
    }
    if (reservations.existsById(order.orderId())) {
      return ReservationOutcome.RESERVED;
    }
    String product = Integer.toString(order.productId());
    boolean inStock = stock.available() > 0;
    Optional<String> firstInLine = stockWaitingLine.first(product);
    if (!inStock || !firstInLine.map(order.orderId()::equals).orElse(true)) {
      stockWaitingLine.join(order.orderId(), product);
      if (inStock) {
        // Blocked only by the line: make sure its first order is awake.
        stockWaitingLine.wakeFirst(product);
      }
      return ReservationOutcome.OUT_OF_STOCK;
    }
    stock.takeOne();
    // persist, not save: the id is the order's, so save() would first look for the row
    entityManager.persist(new StockReservation(order.orderId(), order.productId()));
    if (firstInLine.isPresent()) {
      stockWaitingLine.leave(order.orderId(), product);
      if (stock.available() > 0) {
        stockWaitingLine.wakeFirst(product);
      }
    }
    return ReservationOutcome.RESERVED;
  }
}
