package dev.lotussaga.contracts.events;

public enum NotificationType {
  PAYMENT_FAILED,
  ORDER_PAID,
  STOCK_RESERVED,
  ORDER_IN_DELIVERY,
  ORDER_CANCELLED
}
