package dev.lotussaga.contracts.order;

/**
 * Names that the outside world (gateway, services, temporal CLI) uses to reach an order workflow.
 */
public final class OrderSaga {

  public static final String TASK_QUEUE = "order-saga";

  public static final String SIGNAL_FUNDS_ADDED = "fundsAdded";
  public static final String SIGNAL_STOCK_ADDED = "stockAdded";
  public static final String SIGNAL_DELIVERY_ACCEPTED = "deliveryAccepted";

  public static final String UPDATE_CANCEL = "cancel";

  /** Staff: try a stuck step or compensation again now. */
  public static final String SIGNAL_RETRY_STUCK = "retryStuck";

  /** Staff: a stuck compensation was done by hand; skip it. */
  public static final String UPDATE_RESOLVE_STUCK = "resolveStuck";

  /** Failure type of a resolve update for an order that is not stuck on a compensation. */
  public static final String NOT_STUCK_ON_COMPENSATION = "NotStuckOnCompensation";

  /** Failure type of a cancel update that came too late: the order is with the courier. */
  public static final String ALREADY_IN_DELIVERY = "AlreadyInDelivery";

  public static final String QUERY_STATUS = "status";
  public static final String QUERY_HISTORY = "history";

  private static final String WORKFLOW_ID_PREFIX = "order-";

  private OrderSaga() {}

  public static String workflowId(String orderId) {
    return WORKFLOW_ID_PREFIX + orderId;
  }

  public static boolean isOrderWorkflowId(String workflowId) {
    return workflowId != null && workflowId.startsWith(WORKFLOW_ID_PREFIX);
  }

  public static String orderIdOf(String workflowId) {
    if (!isOrderWorkflowId(workflowId)) {
      throw new IllegalArgumentException("Not an order workflow id: " + workflowId);
    }
    return workflowId.substring(WORKFLOW_ID_PREFIX.length());
  }
}
