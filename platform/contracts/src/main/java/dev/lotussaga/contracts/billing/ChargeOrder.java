package dev.lotussaga.contracts.billing;

import java.math.BigDecimal;

public record ChargeOrder(String orderId, long userId, BigDecimal amount) {}
