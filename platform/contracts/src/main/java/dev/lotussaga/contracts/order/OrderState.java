package dev.lotussaga.contracts.order;

/** The saga's states; their names are part of the public API. */
public enum OrderState {
  ValidatingBilling,
  ValidatingStock,
  ValidatingDelivery,
  NotifyingSourceSystem,
  /** Final: cancelled by the buyer, staff, an operator or a passed deadline; compensated. */
  Cancelled
}
