package dev.lotussaga.contracts.stock;

public record ReleaseStock(String orderId, int productId) {}
