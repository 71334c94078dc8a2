package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.faults.EventLog.Event;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Invariants per order, holding its workflow (the truth) against the services' books, the gateway's
 * stored status, the events on Kafka and the stored notifications.
 */
final class OrderChecks {

  private static final String EFFECTS =
      """
      select o.order_id, o.price, o.status stored_state, o.waiting_for stored_waiting_for,
             c.amount charged, bc.refunded_amount refunded, r.order_id is not null reserved,
             sc.returned_units returned, b.order_id is not null booked
        from gateway.customer_order o
             left join billing.order_charge c on c.order_id = o.order_id
             left join billing.cancelled_order bc on bc.order_id = o.order_id
             left join stock.stock_reservation r on r.order_id = o.order_id
             left join stock.cancelled_order sc on sc.order_id = o.order_id
             left join delivery.courier_booking b on b.order_id = o.order_id
      """;

  private final Database database;
  private final Workflows workflows;
  private final EventLog events;

  OrderChecks(Database database, Workflows workflows, EventLog events) {
    this.database = database;
    this.workflows = workflows;
    this.events = events;
  }

  /** Checks every order the gateway knows; returns how many. */
  int run(Verdict verdict) throws Exception {
    List<Map<String, Object>> orders = database.rows(EFFECTS);
    Map<String, Map<String, String>> notifications = storedNotifications();
    for (Map<String, Object> row : orders) {
      String orderId = (String) row.get("order_id");
      OrderStatus status = workflows.status(orderId);
      checkOutcome(
          verdict, orderId, status, workflows.execution(orderId), workflows.history(orderId));
      checkEffects(verdict, orderId, status, row);
      verdict.holds(
          "the gateway shows the workflow's status",
          orderId,
          status.state().name().equals(row.get("stored_state"))
              && Objects.equals(name(status.waitingFor()), row.get("stored_waiting_for")),
          "workflow "
              + status
              + ", gateway "
              + row.get("stored_state")
              + "/"
              + row.get("stored_waiting_for"));
      checkEvents(verdict, orderId, status, notifications.getOrDefault(orderId, Map.of()));
    }
    return orders.size();
  }

  private static void checkOutcome(
      Verdict verdict,
      String orderId,
      OrderStatus status,
      WorkflowExecutionStatus execution,
      List<StateChange> history) {
    boolean terminal = Workflows.isFinal(status.state());
    verdict.holds(
        "each order is finished or visibly waiting",
        orderId,
        terminal
            ? execution == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_COMPLETED
            : status.waitingFor() != null
                && execution == WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING,
        status + " with workflow " + execution);
    long terminalStates =
        history.stream().map(StateChange::state).filter(Workflows::isFinal).distinct().count();
    verdict.holds(
        "an order reaches at most one terminal state",
        orderId,
        terminalStates <= 1,
        "history " + history);
  }

  private static void checkEffects(
      Verdict verdict, String orderId, OrderStatus status, Map<String, Object> row) {
    BigDecimal price = (BigDecimal) row.get("price");
    BigDecimal charged = (BigDecimal) row.get("charged");
    BigDecimal refunded = (BigDecimal) row.get("refunded");
    boolean reserved = (Boolean) row.get("reserved");
    Integer returned = (Integer) row.get("returned");
    boolean booked = (Boolean) row.get("booked");
    boolean paidOnce = charged != null && charged.compareTo(price) == 0 && refunded == null;
    boolean holdsUnit = reserved && returned == null;
    boolean expected =
        switch (status.state()) {
          case NotifyingSourceSystem -> paidOnce && holdsUnit && booked;
          case Cancelled ->
              refunded != null
                  && refunded.compareTo(charged == null ? BigDecimal.ZERO : charged) == 0
                  && (!reserved || Integer.valueOf(1).equals(returned))
                  && !booked;
          case ValidatingBilling -> charged == null && !reserved && !booked;
          case ValidatingStock -> paidOnce && !reserved && !booked;
          case ValidatingDelivery -> paidOnce && holdsUnit && !booked;
        };
    verdict.holds(
        "money, stock and courier match the order's state",
        orderId,
        expected,
        status
            + " with charged="
            + charged
            + " refunded="
            + refunded
            + " reserved="
            + reserved
            + " returned="
            + returned
            + " booked="
            + booked
            + " price="
            + price);
  }

  private void checkEvents(
      Verdict verdict, String orderId, OrderStatus status, Map<String, String> stored) {
    NavigableMap<Integer, Event> published = events.of(orderId);
    boolean complete =
        !published.isEmpty()
            && published.firstKey() == 1
            && published.lastKey() == published.size()
            && published.lastEntry().getValue().state().equals(status.state().name())
            && Objects.equals(
                published.lastEntry().getValue().waitingFor(), name(status.waitingFor()));
    verdict.holds(
        "every state change was published, the last one is the current state",
        orderId,
        complete,
        "events "
            + published.keySet()
            + " last "
            + (published.isEmpty() ? null : published.lastEntry().getValue())
            + ", workflow "
            + status);
    Map<String, String> expected = new TreeMap<>();
    for (Event event : published.values()) {
      if (event.notification() != null) {
        expected.put(event.eventId(), event.notification());
      }
    }
    verdict.holds(
        "every notification is stored exactly once",
        orderId,
        expected.equals(new TreeMap<>(stored)),
        "published " + expected + ", stored " + stored);
  }

  private Map<String, Map<String, String>> storedNotifications() throws Exception {
    Map<String, Map<String, String>> byOrder = new HashMap<>();
    for (Map<String, Object> row :
        database.rows("select order_id, event_id, type from notification.notification")) {
      byOrder
          .computeIfAbsent((String) row.get("order_id"), id -> new HashMap<>())
          .put((String) row.get("event_id"), (String) row.get("type"));
    }
    return byOrder;
  }

  private static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
