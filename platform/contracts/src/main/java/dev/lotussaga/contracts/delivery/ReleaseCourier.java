package dev.lotussaga.contracts.delivery;

public record ReleaseCourier(String orderId) {}
