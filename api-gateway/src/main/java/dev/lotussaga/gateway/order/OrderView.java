package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import java.math.BigDecimal;
import java.util.List;

/**
 * @param source "workflow" when answered by a live workflow query, "stored" when answered from the
 *     last state the gateway saw on Kafka
 * @param stuck the step or compensation that keeps failing, or null (from the order's last event)
 */
record OrderView(
    String orderId,
    int productId,
    BigDecimal price,
    OrderState status,
    WaitingFor waitingFor,
    List<StateChange> history,
    String source,
    StuckStep stuck) {

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
        order.stuck());
  }
}
