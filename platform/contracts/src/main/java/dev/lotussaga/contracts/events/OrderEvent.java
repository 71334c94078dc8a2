package dev.lotussaga.contracts.events;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import java.time.Instant;

/**
 * A change of an order's state, as published to Kafka. {@code eventId} is unique and stable across
 * retries, so consumers deduplicate by it. {@code notification} is set when the change is one the
 * buyer is told about. {@code stuck} is set while a step or compensation of the order keeps
 * failing; the first event after it is fixed has none.
 */
public record OrderEvent(
    String eventId,
    String orderId,
    long userId,
    OrderState state,
    WaitingFor waitingFor,
    NotificationType notification,
    String message,
    Instant occurredAt,
    StuckStep stuck) {

  public OrderEvent(
      String eventId,
      String orderId,
      long userId,
      OrderState state,
      WaitingFor waitingFor,
      NotificationType notification,
      String message,
      Instant occurredAt) {
    this(eventId, orderId, userId, state, waitingFor, notification, message, occurredAt, null);
  }
}
