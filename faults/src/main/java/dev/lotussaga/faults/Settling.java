package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.faults.OrderTraffic.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Lets the round's orders come to rest: asks each workflow for its status, lets users and staff act
 * on what waits, and declares the round settled once, twice in a row, nobody acted, every order is
 * finished or visibly waiting, every outbox is empty and the gateway and Kafka show the workflow's
 * status.
 */
final class Settling {

  private final Workflows workflows;
  private final WakeUps wakeUps;
  private final EventLog events;
  private final Database database;
  private final Duration timeout;
  private final Map<String, OrderStatus> finalStatuses = new HashMap<>();

  Settling(
      Workflows workflows, WakeUps wakeUps, EventLog events, Database database, Duration timeout) {
    this.workflows = workflows;
    this.wakeUps = wakeUps;
    this.events = events;
    this.database = database;
    this.timeout = timeout;
  }

  Map<Order, OrderStatus> settle(List<Order> orders) throws Exception {
    long deadline = System.nanoTime() + timeout.toNanos();
    int calmPolls = 0;
    List<String> unsettled = List.of();
    while (System.nanoTime() < deadline) {
      Map<Order, OrderStatus> statuses = new LinkedHashMap<>();
      unsettled = new ArrayList<>();
      for (Order order : orders) {
        try {
          statuses.put(order, currentStatus(order.orderId()));
        } catch (RuntimeException unavailable) {
          unsettled.add(
              order.orderId()
                  + ": workflow not answering ("
                  + unavailable.getClass().getSimpleName()
                  + ")");
        }
      }
      int acted = wakeUps.act(statuses);
      unsettled.addAll(moving(statuses));
      unsettled.addAll(behind(statuses));
      long pendingSignals = pendingSignals();
      if (pendingSignals > 0) {
        unsettled.add(pendingSignals + " signals still in the outboxes");
      }
      calmPolls = acted == 0 && unsettled.isEmpty() ? calmPolls + 1 : 0;
      if (calmPolls == 2) {
        return statuses;
      }
      Thread.sleep(1_000);
    }
    throw new IllegalStateException(
        "The round did not settle within "
            + timeout
            + ": "
            + unsettled.stream().limit(20).toList());
  }

  /** A final status cannot change, so each order's workflow is asked once it is final. */
  private OrderStatus currentStatus(String orderId) {
    OrderStatus known = finalStatuses.get(orderId);
    if (known != null) {
      return known;
    }
    OrderStatus status = workflows.status(orderId);
    if (Workflows.isFinal(status.state())) {
      finalStatuses.put(orderId, status);
    }
    return status;
  }

  private static List<String> moving(Map<Order, OrderStatus> statuses) {
    List<String> moving = new ArrayList<>();
    statuses.forEach(
        (order, status) -> {
          if (!Workflows.isFinal(status.state()) && status.waitingFor() == null) {
            moving.add(order.orderId() + ": running in " + status.state());
          }
        });
    return moving;
  }

  /** Orders whose status the gateway or the event log has not caught up with yet. */
  private List<String> behind(Map<Order, OrderStatus> statuses) throws Exception {
    Map<String, String> stored = new HashMap<>();
    String[] ids = statuses.keySet().stream().map(Order::orderId).toArray(String[]::new);
    for (Map<String, Object> row :
        database.rows(
            "select order_id, status, waiting_for from gateway.customer_order"
                + " where order_id = any (?)",
            (Object) ids)) {
      stored.put((String) row.get("order_id"), row.get("status") + "/" + row.get("waiting_for"));
    }
    List<String> behind = new ArrayList<>();
    statuses.forEach(
        (order, status) -> {
          String expected = status.state() + "/" + status.waitingFor();
          if (!expected.equals(stored.get(order.orderId()))) {
            behind.add(
                order.orderId()
                    + ": workflow "
                    + expected
                    + ", gateway shows "
                    + stored.get(order.orderId()));
          }
          var last = events.of(order.orderId()).lastEntry();
          if (last == null
              || !Objects.equals(
                  last.getValue().state() + "/" + last.getValue().waitingFor(), expected)) {
            behind.add(
                order.orderId()
                    + ": workflow "
                    + expected
                    + ", last event "
                    + (last == null ? null : last.getValue()));
          }
        });
    return behind;
  }

  private long pendingSignals() throws Exception {
    return database.count(
        "select (select count(*) from billing.signal_outbox)"
            + " + (select count(*) from stock.signal_outbox)"
            + " + (select count(*) from delivery.signal_outbox)");
  }
}
