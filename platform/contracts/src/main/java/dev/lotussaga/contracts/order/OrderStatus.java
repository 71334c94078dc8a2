package dev.lotussaga.contracts.order;

/**
 * Current state of an order and, when it is stopped, what would let it go on ({@code null} if
 * nothing).
 */
public record OrderStatus(OrderState state, WaitingFor waitingFor) {}
