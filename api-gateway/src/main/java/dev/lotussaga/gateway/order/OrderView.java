package dev.lotussaga.gateway.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * @param source "workflow" when answered by a live workflow query, "stored" when answered from the
 *     last state the gateway saw on Kafka
 * @param stuck the step or compensation that keeps failing, or null (from the order's last event)
 * @param deliverySlot the delivery slot the buyer chose; left out for the earliest free one, so
 *     that such an order reads as before
 */
record OrderView(
    String orderId,
    int productId,
    BigDecimal price,
    OrderState status,
    WaitingFor waitingFor,
    List<StateChange> history,
    String source,
    StuckStep stuck,
    @JsonInclude(JsonInclude.Include.NON_NULL) Instant deliverySlot) {

  static OrderView of(
      CustomerOrder order, OrderStatus status, List<StateChange> history, String source) {
    return new OrderView(
        order.orderId(),
        order.productId(),
        order.price(),
        status.state(),
        status.waitingFor(),
        history,
        source,
        order.stuck(),
        order.deliverySlot());
  }
}
