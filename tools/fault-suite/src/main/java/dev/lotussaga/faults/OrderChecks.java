package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.faults.OrderEvents.Event;
import dev.lotussaga.faults.Workflows.OrderRun;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Invariants per order, holding its workflow (the truth) against the services' books, the gateway's
 * stored status, the events on Kafka and the stored notifications. An order whose workflow Temporal
 * lost after it finished is held to the status it settled with.
 */
final class OrderChecks {

  static final String FINISHED =
      "each finished order's workflow completed, or ended after it finished"
          + " and the gateway shows it finished";
  static final String NOT_STRANDED =
      "no stranded order: each unfinished order has a running workflow,"
          + " waiting for what the gateway shows it waiting for";
  static final String ONE_TERMINAL_STATE =
      "an order reaches at most one terminal state, over all its runs";
  static final String GATEWAY_SHOWS = "the gateway shows the workflow's status";

  private static final String EFFECTS_SQL =
      """
      select o.order_id, o.price, o.status stored_state, o.waiting_for stored_waiting_for,
             c.amount charged, bc.refunded_amount refunded, r.order_id is not null reserved,
             sc.returned_units returned, b.order_id is not null booked,
             o.delivery_slot chosen_slot, b.slot_start booked_slot
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
  private final EventChecks eventChecks = new EventChecks();

  OrderChecks(Database database, Workflows workflows, EventLog events) {
    this.database = database;
    this.workflows = workflows;
    this.events = events;
  }

  /**
   * Checks every order the gateway knows against its workflow now, or, where Temporal lost it, the
   * status it settled with ({@code settled}); returns how many orders.
   */
  int run(Verdict verdict, Map<String, OrderStatus> settled) throws Exception {
    List<Map<String, Object>> orders = database.rows(EFFECTS_SQL);
    Map<String, Map<String, String>> notifications = storedNotifications();
    for (Map<String, Object> row : orders) {
      String orderId = (String) row.get("order_id");
      OrderRun run = workflows.run(orderId);
      OrderStatus status = run.gone() ? settled.get(orderId) : run.status();
      if (status == null) {
        verdict.holds(
            NOT_STRANDED,
            orderId,
            false,
            "no workflow, and never seen finished; the gateway shows "
                + row.get("stored_state")
                + "/"
                + row.get("stored_waiting_for"));
        continue;
      }
      OrderEvents published = events.of(orderId);
      checkOutcome(verdict, orderId, status, run, row);
      checkTerminalStates(verdict, orderId, run, published);
      EffectChecks.check(verdict, orderId, status, row);
      verdict.holds(
          GATEWAY_SHOWS,
          orderId,
          status.state().name().equals(row.get("stored_state"))
              && Objects.equals(name(status.waitingFor()), row.get("stored_waiting_for")),
          "workflow "
              + status
              + ", gateway "
              + row.get("stored_state")
              + "/"
              + row.get("stored_waiting_for"));
      eventChecks.check(
          verdict, orderId, status, published, notifications.getOrDefault(orderId, Map.of()));
    }
    boolean placed = !settled.isEmpty();
    verdict.covered(
        FINISHED,
        settled.values().stream().anyMatch(status -> Workflows.isFinal(status.state())),
        "orders finished");
    verdict.covered(
        NOT_STRANDED,
        settled.values().stream().anyMatch(status -> !Workflows.isFinal(status.state())),
        "orders are waiting");
    for (String invariant : List.of(ONE_TERMINAL_STATE, EffectChecks.EFFECTS, GATEWAY_SHOWS)) {
      verdict.covered(invariant, placed, "orders were placed");
    }
    EventChecks.checkIds(verdict, events);
    EventChecks.covered(verdict, placed);
    return orders.size();
  }

  /**
   * A finished order's workflow has completed; or it was lost or terminated after the order
   * finished, which is fine only because the gateway shows it finished (it re-drives every order it
   * does not). An unfinished one has a running workflow that visibly waits.
   */
  private static void checkOutcome(
      Verdict verdict, String orderId, OrderStatus status, OrderRun run, Map<String, Object> row) {
    String workflow = run.gone() ? "gone" : run.execution().get().name();
    if (Workflows.isFinal(status.state())) {
      boolean endedAfterFinishing =
          !run.is(Workflows.RUNNING) && status.state().name().equals(row.get("stored_state"));
      verdict.holds(
          FINISHED,
          orderId,
          run.is(Workflows.COMPLETED) || endedAfterFinishing,
          status + " with workflow " + workflow + ", gateway shows " + row.get("stored_state"));
      return;
    }
    verdict.holds(
        NOT_STRANDED,
        orderId,
        run.is(Workflows.RUNNING)
            && status.waitingFor() != null
            && status.waitingFor().name().equals(row.get("stored_waiting_for")),
        status
            + " with workflow "
            + workflow
            + ", gateway shows it waiting for "
            + row.get("stored_waiting_for"));
  }

  /** The latest run's history and every generation's events on Kafka, together. */
  private static void checkTerminalStates(
      Verdict verdict, String orderId, OrderRun run, OrderEvents published) {
    Stream<String> inHistory =
        run.gone() ? Stream.empty() : run.history().stream().map(change -> change.state().name());
    long terminalStates =
        Stream.concat(inHistory, published.all().map(Event::state))
            .filter(Objects::nonNull)
            .filter(state -> Workflows.isFinal(OrderState.valueOf(state)))
            .distinct()
            .count();
    verdict.holds(
        ONE_TERMINAL_STATE,
        orderId,
        terminalStates <= 1,
        "history "
            + (run.gone() ? "gone" : run.history().stream().map(StateChange::status).toList())
            + ", "
            + published.describe());
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

  static String name(Enum<?> value) {
    return value == null ? null : value.name();
  }
}
