package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.system.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/** Finds orders the way callers may see them: someone else's order does not exist for you. */
@Component
public class Orders {

  /** Order ids are the UUIDs {@link OrderPlacement} draws; anything else names no order. */
  private static final Pattern ORDER_ID =
      Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

  private final CustomerOrderRepository orders;
  private final OrderStateLog stateLog;

  Orders(CustomerOrderRepository orders, OrderStateLog stateLog) {
    this.orders = orders;
    this.stateLog = stateLog;
  }

  CustomerOrder visibleTo(CurrentUser caller, String orderId) {
    return find(orderId)
        .filter(order -> caller.maySee(order.userId()))
        .orElseThrow(() -> notFound(orderId));
  }

  /** The id of an order the caller may see, or 404 exactly as for an order that does not exist. */
  public String visibleId(CurrentUser caller, String orderId) {
    return visibleTo(caller, orderId).orderId();
  }

  /**
   * The state changes the gateway saw on Kafka for an order the caller may see (404 as above): the
   * order's story when its workflow cannot tell it.
   */
  public List<StateChange> storedStateChanges(CurrentUser caller, String orderId) {
    return stateLog.of(visibleTo(caller, orderId));
  }

  /** The id of an existing order (for staff operations), or 404. */
  public String existing(String orderId) {
    return existingOrder(orderId).orderId();
  }

  CustomerOrder existingOrder(String orderId) {
    return find(orderId).orElseThrow(() -> notFound(orderId));
  }

  private Optional<CustomerOrder> find(String orderId) {
    return ORDER_ID.matcher(orderId).matches() ? orders.findById(orderId) : Optional.empty();
  }

  private static ApiException notFound(String orderId) {
    return new ApiException(HttpStatus.NOT_FOUND, "There is no order " + orderId);
  }
}
