package dev.lotussaga.contracts.stock;

public record ReserveStock(String orderId, int productId) {}
