package dev.lotussaga.contracts.billing;

public record RefundOrder(String orderId, long userId) {}
