package dev.lotussaga.contracts.order;

import java.math.BigDecimal;

/** What the gateway hands to a new order workflow; the price is fixed at the moment of ordering. */
public record OrderRequest(String orderId, long userId, int productId, BigDecimal price) {}
