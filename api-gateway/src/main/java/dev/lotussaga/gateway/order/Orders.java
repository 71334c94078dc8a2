package dev.lotussaga.gateway.order;

import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds orders the way callers may see them: someone else's order does not exist for you. */
@Component
public class Orders {

  private final CustomerOrderRepository orders;

  Orders(CustomerOrderRepository orders) {
    this.orders = orders;
  }

  CustomerOrder visibleTo(CurrentUser caller, String orderId) {
    return orders
        .findById(orderId)
        .filter(order -> caller.maySee(order.userId()))
        .orElseThrow(() -> notFound(orderId));
  }

  /** The id of an existing order (for staff operations), or 404. */
  public String existing(String orderId) {
    return orders
        .findById(orderId)
        .map(CustomerOrder::orderId)
        .orElseThrow(() -> notFound(orderId));
  }

  private static ApiException notFound(String orderId) {
    return new ApiException(HttpStatus.NOT_FOUND, "There is no order " + orderId);
  }
}
