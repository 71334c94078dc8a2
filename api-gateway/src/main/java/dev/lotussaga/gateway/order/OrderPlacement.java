package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.gateway.catalog.Catalog;
import dev.lotussaga.gateway.catalog.Product;
import dev.lotussaga.gateway.metrics.OrdersPlaced;
import dev.lotussaga.gateway.system.ApiException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Stores a new order and starts its workflow; an Idempotency-Key makes a retried request safe. */
@Component
class OrderPlacement {

  private final Catalog catalog;
  private final CustomerOrderRepository orders;
  private final WorkflowStarter starter;
  private final OrdersPlaced placed;
  private final WaitLimits waitLimits;

  OrderPlacement(
      Catalog catalog,
      CustomerOrderRepository orders,
      WorkflowStarter starter,
      OrdersPlaced placed,
      OrderProperties properties) {
    this.catalog = catalog;
    this.orders = orders;
    this.starter = starter;
    this.placed = placed;
    this.waitLimits = properties.waitLimits().toWaitLimits();
  }

  /**
   * @param payment the workflow's answer once the charge was tried, when the caller asked to wait
   *     for it and it came in time
   */
  record Placed(CustomerOrder order, boolean created, Optional<OrderStatus> payment) {}

  /**
   * @param deliverySlot the slot the buyer chose ({@link ChosenSlot}), or {@code null}
   * @param wait how long to wait for the payment (see {@link PaymentWait}); without it the workflow
   *     is started and the answer does not wait
   */
  Placed place(
      long userId,
      int productId,
      Instant deliverySlot,
      String idempotencyKey,
      Optional<PaymentWait> wait) {
    Product product = catalog.product(productId);
    Optional<CustomerOrder> earlier = earlier(userId, idempotencyKey, productId);
    if (earlier.isPresent()) {
      return new Placed(
          earlier.get(), false, wait.flatMap(w -> payment(earlier.get(), idempotencyKey, w)));
    }
    CustomerOrder order =
        new CustomerOrder(
            UUID.randomUUID().toString(),
            userId,
            productId,
            product.price(),
            idempotencyKey,
            waitLimits,
            deliverySlot);
    try {
      orders.saveAndFlush(order);
    } catch (DataIntegrityViolationException sameKeyAtOnce) {
      CustomerOrder first = earlier(userId, idempotencyKey, productId).orElseThrow();
      return new Placed(first, false, wait.flatMap(w -> payment(first, idempotencyKey, w)));
    }
    placed.count(productId);
    if (wait.isEmpty()) {
      starter.start(order);
      return new Placed(order, true, Optional.empty());
    }
    return new Placed(order, true, payment(order, idempotencyKey, wait.get()));
  }

  /**
   * The update id comes from the Idempotency-Key, so that a retried request asks the same update
   * again and Temporal answers it as the first time.
   */
  private Optional<OrderStatus> payment(
      CustomerOrder order, String idempotencyKey, PaymentWait wait) {
    String updateId =
        "await-payment-" + (idempotencyKey == null ? UUID.randomUUID() : idempotencyKey);
    return starter.startAwaitingPayment(order, updateId, wait.duration());
  }

  private Optional<CustomerOrder> earlier(long userId, String idempotencyKey, int productId) {
    if (idempotencyKey == null) {
      return Optional.empty();
    }
    Optional<CustomerOrder> earlier = orders.findByUserIdAndIdempotencyKey(userId, idempotencyKey);
    if (earlier.isPresent() && earlier.get().productId() != productId) {
      throw new ApiException(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "Idempotency-Key " + idempotencyKey + " was used for an order of another product");
    }
    return earlier;
  }
}
