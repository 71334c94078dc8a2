package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StuckStep;
import io.temporal.workflow.Workflow;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps what Temporal shows about an order current: its memo, the order summary people read in the
 * Web UI and {@code temporal workflow describe}, and its search attributes. Only an order that
 * started with the attributes upserts them, as a server that does not know them would fail the
 * workflow task; the gateway starts orders without them on such a server.
 */
final class OrderVisibility {

  static final String MEMO_KEY = "order";

  private final OrderRequest order;
  private final boolean searchable;
  private OrderStatus status;
  private String note;
  private StuckStep stuck;

  OrderVisibility(OrderRequest order) {
    this.order = order;
    this.searchable = Workflow.getTypedSearchAttributes().containsKey(OrderSearchAttributes.STATUS);
  }

  void show(OrderStatus status, String note) {
    this.status = status;
    this.note = note;
    if (searchable) {
      Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.updatesFor(status));
    }
    Workflow.upsertMemo(Map.of(MEMO_KEY, summary()));
  }

  /** The step the order is stuck on, or none; the search attribute only where it is known. */
  void showStuck(StuckStep now) {
    this.stuck = now;
    if (searchable
        && Workflow.getTypedSearchAttributes().containsKey(OrderSearchAttributes.STUCK)) {
      Workflow.upsertTypedSearchAttributes(OrderSearchAttributes.updateFor(now));
    }
    Workflow.upsertMemo(Map.of(MEMO_KEY, summary()));
  }

  private Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("orderId", order.orderId());
    summary.put("userId", order.userId());
    summary.put("productId", order.productId());
    summary.put("price", order.price());
    summary.put("status", status.state().name());
    summary.put("waitingFor", status.waitingFor() == null ? null : status.waitingFor().name());
    summary.put("note", note);
    if (stuck != null) {
      summary.put("stuck", stuck);
    }
    return summary;
  }
}
