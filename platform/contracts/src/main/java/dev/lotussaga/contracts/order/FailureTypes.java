package dev.lotussaga.contracts.order;

/**
 * Types of the application failures one side of the saga raises and the other tells apart: thrown
 * by the activities or the workflow's update validators, read by the workflow, the gateway and
 * operators (they show in the workflow history).
 */
public final class FailureTypes {

  /** An activity refused a step for an order that was cancelled meanwhile; never retried. */
  public static final String ORDER_CANCELLED = "OrderCancelled";

  /** Stock or delivery knows no such product; never retried. */
  public static final String UNKNOWN_PRODUCT = "UnknownProduct";

  /** A delivery slot that does not start on the hour; never retried. */
  public static final String NOT_A_SLOT = "NotASlot";

  /** A cancel update that came too late: the order is with the courier. */
  public static final String ALREADY_IN_DELIVERY = "AlreadyInDelivery";

  /** A resolve update for an order that is not stuck on a compensation, or without a reason. */
  public static final String NOT_STUCK_ON_COMPENSATION = "NotStuckOnCompensation";

  /**
   * A slot change that came too late (the courier is booked, the order cancelled) or while a
   * booking attempt runs.
   */
  public static final String SLOT_NOT_CHANGEABLE = "SlotNotChangeable";

  private FailureTypes() {}
}
