package dev.lotussaga.stock.reservation;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import dev.lotussaga.signals.WaitingLine;
import dev.lotussaga.stock.product.ProductStock;
import dev.lotussaga.stock.product.ProductStockRepository;
import dev.lotussaga.stock.product.WaitingOrdersServed;
import io.temporal.failure.ApplicationFailure;
import jakarta.persistence.EntityManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reserves a unit under the product's row lock. The reservation's primary key makes a second call
 * for the same order a no-op. Units go to the orders in the product's waiting line first: whoever
 * finds units and a line serves the line before itself, so nobody passes an order that waited.
 */
@Component
class UnitReserver {

  private final ProductStockRepository products;
  private final StockReservationRepository reservations;
  private final WaitingLine stockWaitingLine;
  private final WaitingOrdersServed waitingOrders;
  private final UnitReleaser releaser;
  private final EntityManager entityManager;

  UnitReserver(
      ProductStockRepository products,
      StockReservationRepository reservations,
      WaitingLine stockWaitingLine,
      WaitingOrdersServed waitingOrders,
      UnitReleaser releaser,
      EntityManager entityManager) {
    this.products = products;
    this.reservations = reservations;
    this.stockWaitingLine = stockWaitingLine;
    this.waitingOrders = waitingOrders;
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
    // Units beside a line only where a line was left from before units were handed to it.
    if (waitingOrders.serve(stock).contains(order.orderId())) {
      return ReservationOutcome.RESERVED;
    }
    if (stock.available() == 0) {
      stockWaitingLine.join(order.orderId(), Integer.toString(order.productId()));
      return ReservationOutcome.OUT_OF_STOCK;
    }
    stock.takeOne();
    // persist, not save: the id is the order's, so save() would first look for the row
    entityManager.persist(new StockReservation(order.orderId(), order.productId()));
    return ReservationOutcome.RESERVED;
  }
}
