package dev.lotussaga.contracts.order;

import java.time.Instant;

/** One entry of an order's history: the state it entered, what it waited for then, and when. */
public record StateChange(OrderState state, WaitingFor waitingFor, Instant at) {

  /** The order's status from this change on. */
  public OrderStatus status() {
    return new OrderStatus(state, waitingFor);
  }
}
