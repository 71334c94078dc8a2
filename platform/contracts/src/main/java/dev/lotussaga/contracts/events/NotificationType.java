package dev.lotussaga.contracts.events;

public enum NotificationType {
  PAYMENT_FAILED,
  ORDER_PAID,
  STOCK_RESERVED,
  ORDER_IN_DELIVERY,
  ORDER_CANCELLED,
  /** The courier cannot be booked in the slot the buyer chose; the message says why. */
  DELIVERY_DELAYED
}
