package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.faults.OrderEvents.Event;
import dev.lotussaga.faults.OrderTraffic.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lets the round's orders come to rest: asks each workflow for its status, lets users and staff act
 * on what waits, and declares the round settled once, twice in a row, nobody acted, every order is
 * finished or visibly waiting in a running workflow, every outbox is empty and the gateway and
 * Kafka show the workflow's status. An order whose workflow was lost (Temporal restarted) or closed
 * without finishing (terminated) is not at rest until the gateway has re-driven it.
 */
final class Settling {

  private final Workflows workflows;
  private final WakeUps wakeUps;
  private final EventLog events;
  private final Database database;
  private final Duration timeout;
  private final Map<String, OrderStatus> finalStatuses = new HashMap<>();

  /** Why an order is not at rest yet; not a failure until the settle timeout. */
  private static final class NotYet extends Exception {
    NotYet(String why) {
      super(why, null, false, false);
    }
  }

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
      GatewayCopy copy = gatewayCopy(orders);
      Map<String, OrderStatus> shown = copy.statuses();
      Map<Order, OrderStatus> statuses = new LinkedHashMap<>();
      unsettled = new ArrayList<>();
      for (Order order : orders) {
        try {
          statuses.put(order, currentStatus(order.orderId(), shown.get(order.orderId())));
        } catch (NotYet notYet) {
          unsettled.add(order.orderId() + ": " + notYet.getMessage());
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
      unsettled.addAll(cancelling(statuses, copy.cancelsStored()));
      unsettled.addAll(stuck(copy.stuck()));
      unsettled.addAll(behind(statuses, shown));
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
            + unsettled.size()
            + " reasons, the first "
            + unsettled.stream().limit(20).toList());
  }

  /**
   * A completed order's status cannot change, so its workflow is asked once it completed. So is an
   * order whose workflow was lost after it finished: the gateway shows it final and never re-drives
   * it, and its status is what the gateway shows (the checks hold that against Kafka and the
   * books). A running workflow with an activity running or waiting for its next attempt is not at
   * rest, whatever its status says: a step retried after a fault (PostgreSQL down) leaves the
   * status it had (waiting for funds, say) until it succeeds.
   */
  private OrderStatus currentStatus(String orderId, OrderStatus shown) throws NotYet {
    OrderStatus known = finalStatuses.get(orderId);
    if (known != null) {
      return known;
    }
    Optional<Workflows.Execution> execution = workflows.describe(orderId);
    if (execution.isEmpty()) {
      if (shown != null && Workflows.isFinal(shown.state())) {
        finalStatuses.put(orderId, shown);
        return shown;
      }
      throw new NotYet("workflow gone, not re-driven yet; the gateway shows " + shown);
    }
    OrderStatus status = workflows.status(orderId);
    Optional<String> restless = whyNotAtRest(execution.get(), status);
    if (restless.isPresent()) {
      throw new NotYet(restless.get());
    }
    if (execution.get().status() == Workflows.COMPLETED && Workflows.isFinal(status.state())) {
      finalStatuses.put(orderId, status);
    }
    return status;
  }

  /** Why an order whose workflow Temporal has is not at rest with that status; empty if it is. */
  static Optional<String> whyNotAtRest(Workflows.Execution run, OrderStatus status) {
    if (run.status() != Workflows.RUNNING && !Workflows.isFinal(status.state())) {
      return Optional.of("workflow " + run.status() + " in " + status + ", not re-driven yet");
    }
    if (run.pendingActivities() > 0) {
      return Optional.of(
          "workflow in "
              + status
              + " with "
              + run.pendingActivities()
              + " activities running or due to retry");
    }
    return Optional.empty();
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

  /**
   * Orders whose accepted cancel has not finished: the workflow still shows the wait it was in
   * while its compensations retry (a refund waits for PostgreSQL), but it is not at rest.
   */
  private static List<String> cancelling(
      Map<Order, OrderStatus> statuses, Set<String> cancelsStored) {
    List<String> cancelling = new ArrayList<>();
    statuses.forEach(
        (order, status) -> {
          if (cancelsStored.contains(order.orderId()) && !Workflows.isFinal(status.state())) {
            cancelling.add(order.orderId() + ": cancel accepted, compensating in " + status);
          }
        });
    return cancelling;
  }

  /**
   * Orders shown stuck on a step: the step is tried again after a pause, so nothing may stay stuck
   * once the faults are over.
   */
  private static List<String> stuck(Map<String, String> stuck) {
    List<String> still = new ArrayList<>();
    stuck.forEach((orderId, step) -> still.add(orderId + ": shown stuck on " + step));
    return still;
  }

  /** Orders whose status the gateway or the event log has not caught up with yet. */
  private List<String> behind(Map<Order, OrderStatus> statuses, Map<String, OrderStatus> shown) {
    List<String> behind = new ArrayList<>();
    statuses.forEach(
        (order, status) -> {
          if (!status.equals(shown.get(order.orderId()))) {
            behind.add(
                order.orderId()
                    + ": workflow "
                    + status
                    + ", gateway shows "
                    + shown.get(order.orderId()));
          }
          Event last = events.of(order.orderId()).last();
          if (last == null
              || !status.state().name().equals(last.state())
              || !String.valueOf(status.waitingFor()).equals(String.valueOf(last.waitingFor()))) {
            behind.add(order.orderId() + ": workflow " + status + ", last event " + last);
          }
        });
    return behind;
  }

  /**
   * The gateway's stored status of each order (customer_order, kept from Kafka), the orders with a
   * cancel it accepted (stored before it is sent, kept until done), and the step each order shown
   * stuck is stuck on.
   */
  private record GatewayCopy(
      Map<String, OrderStatus> statuses, Set<String> cancelsStored, Map<String, String> stuck) {}

  private GatewayCopy gatewayCopy(List<Order> orders) throws Exception {
    Map<String, OrderStatus> shown = new HashMap<>();
    Set<String> cancelsStored = new HashSet<>();
    Map<String, String> stuck = new HashMap<>();
    String[] ids = orders.stream().map(Order::orderId).toArray(String[]::new);
    for (Map<String, Object> row :
        database.rows(
            "select order_id, status, waiting_for, cancel_requested_at is not null cancel_stored,"
                + " stuck_step from gateway.customer_order where order_id = any (?)",
            (Object) ids)) {
      String orderId = (String) row.get("order_id");
      String waitingFor = (String) row.get("waiting_for");
      shown.put(
          orderId,
          new OrderStatus(
              OrderState.valueOf((String) row.get("status")),
              waitingFor == null ? null : WaitingFor.valueOf(waitingFor)));
      if (Boolean.TRUE.equals(row.get("cancel_stored"))) {
        cancelsStored.add(orderId);
      }
      if (row.get("stuck_step") != null) {
        stuck.put(orderId, (String) row.get("stuck_step"));
      }
    }
    return new GatewayCopy(shown, cancelsStored, stuck);
  }

  /** Parked signals (dead) wait for staff, not for time; a check reports them (TemporalOutage). */
  private long pendingSignals() throws Exception {
    return database.count(
        "select (select count(*) from billing.signal_outbox where dead_at is null)"
            + " + (select count(*) from stock.signal_outbox where dead_at is null)"
            + " + (select count(*) from delivery.signal_outbox where dead_at is null)");
  }
}
