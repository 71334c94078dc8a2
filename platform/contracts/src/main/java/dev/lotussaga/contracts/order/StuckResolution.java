package dev.lotussaga.contracts.order;

/**
 * Staff resolved a stuck compensation by hand (for example, refunded by bank transfer): the saga
 * skips it and goes on compensating; the order ends {@code Cancelled}.
 *
 * @param reason why, mandatory; kept in the order's history and audit
 * @param resolvedBy who (the staff account)
 */
public record StuckResolution(String reason, String resolvedBy) {}
