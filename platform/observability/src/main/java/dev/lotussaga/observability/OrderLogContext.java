package dev.lotussaga.observability;

import dev.lotussaga.contracts.order.OrderWorkflowIds;
import org.slf4j.MDC;

/**
 * Puts the order id and its workflow id into the logging context of the current thread until
 * closed; the log pattern prints them on every line written meanwhile. Restores what was there
 * before, so contexts nest.
 */
public final class OrderLogContext implements AutoCloseable {

  public static final String ORDER_ID = "orderId";
  public static final String WORKFLOW_ID = "workflowId";

  private static final OrderLogContext NO_ORDER = new OrderLogContext(null, null, false);

  private final String previousOrderId;
  private final String previousWorkflowId;
  private final boolean active;

  private OrderLogContext(String previousOrderId, String previousWorkflowId, boolean active) {
    this.previousOrderId = previousOrderId;
    this.previousWorkflowId = previousWorkflowId;
    this.active = active;
  }

  /** A context for {@code orderId}; one that changes nothing when it is null or blank. */
  public static OrderLogContext of(String orderId) {
    if (orderId == null || orderId.isBlank()) {
      return NO_ORDER;
    }
    OrderLogContext context = new OrderLogContext(MDC.get(ORDER_ID), MDC.get(WORKFLOW_ID), true);
    MDC.put(ORDER_ID, orderId);
    MDC.put(WORKFLOW_ID, OrderWorkflowIds.workflowId(orderId));
    return context;
  }

  /** A context for the order that {@code workflowId} runs; none for other workflows. */
  public static OrderLogContext ofWorkflow(String workflowId) {
    return of(
        OrderWorkflowIds.isOrderWorkflowId(workflowId)
            ? OrderWorkflowIds.orderIdOf(workflowId)
            : null);
  }

  @Override
  public void close() {
    if (active) {
      restore(ORDER_ID, previousOrderId);
      restore(WORKFLOW_ID, previousWorkflowId);
    }
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }
}
