package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.gateway.catalog.Catalog;
import dev.lotussaga.gateway.catalog.Product;
import dev.lotussaga.gateway.metrics.OrdersPlaced;
import dev.lotussaga.gateway.system.ApiException;
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

  record Placed(CustomerOrder order, boolean created) {}

  Placed place(long userId, int productId, String idempotencyKey) {
    Product product = catalog.product(productId);
    Optional<CustomerOrder> earlier = earlier(userId, idempotencyKey, productId);
    if (earlier.isPresent()) {
      return new Placed(earlier.get(), false);
    }
    CustomerOrder order =
        new CustomerOrder(
            UUID.randomUUID().toString(),
            userId,
            productId,
            product.price(),
            idempotencyKey,
            waitLimits);
    try {
      orders.saveAndFlush(order);
    } catch (DataIntegrityViolationException sameKeyAtOnce) {
      return new Placed(earlier(userId, idempotencyKey, productId).orElseThrow(), false);
    }
    placed.count(productId);
    starter.start(order);
    return new Placed(order, true);
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
