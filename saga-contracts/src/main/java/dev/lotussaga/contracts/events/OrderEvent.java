package dev.lotussaga.contracts.events;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitingFor;
import java.time.Instant;

/**
 * A change of an order's state, as published to Kafka. {@code eventId} is unique and stable across
 * retries, so consumers deduplicate by it. {@code notification} is set when the change is one the
 * buyer is told about.
 */
public record OrderEvent(
    String eventId,
    String orderId,
    long userId,
    OrderState state,
    WaitingFor waitingFor,
    NotificationType notification,
    String message,
    Instant occurredAt) {}
