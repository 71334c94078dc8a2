package dev.lotussaga.bench;

/** The minimal saga's input: what each of its steps needs, nothing else. */
public record MinimalOrder(String orderId, long buyer, int product, long price) {}
