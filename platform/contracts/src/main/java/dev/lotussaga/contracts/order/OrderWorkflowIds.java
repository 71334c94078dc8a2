package dev.lotussaga.contracts.order;

/**
 * The workflow id of an order: what the gateway, the services, the tools and the temporal CLI use
 * to reach one order's saga.
 */
public final class OrderWorkflowIds {

  private static final String PREFIX = "order-";

  private OrderWorkflowIds() {}

  public static String workflowId(String orderId) {
    return PREFIX + orderId;
  }

  public static boolean isOrderWorkflowId(String workflowId) {
    return workflowId != null && workflowId.startsWith(PREFIX);
  }

  public static String orderIdOf(String workflowId) {
    if (!isOrderWorkflowId(workflowId)) {
      throw new IllegalArgumentException("Not an order workflow id: " + workflowId);
    }
    return workflowId.substring(PREFIX.length());
  }
}
