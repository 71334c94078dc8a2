package dev.lotussaga.contracts.delivery;

public record BookCourier(String orderId, int productId) {}
