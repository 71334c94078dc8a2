package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.workflows.order.OrderMetrics.WaitOutcome;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The order's current state and history, kept inside the workflow for queries, and published as one
 * {@link OrderEvent} per change. Event ids are the order id, a sequence number and a fingerprint of
 * what the event says ({@code <orderId>-3-1f2e3d4c}): a retried publication carries the same id and
 * consumers drop the duplicate, while a workflow task that is retried after a crash and takes
 * another path (a cancel arrived meanwhile) publishes its own event under the same number, which no
 * consumer mistakes for the first. A re-driven run puts its generation after the order id ({@code
 * <orderId>-r2-1-...}), so its events are new ones.
 */
final class OrderJournal {

  static final OrderStatus INITIAL_STATUS = new OrderStatus(OrderState.ValidatingBilling, null);

  private final OrderRequest order;
  private final String eventIdPrefix;
  private final OrderEventActivities events;
  private final OrderMetrics metrics;
  private final OrderVisibility visibility;
  private final List<StateChange> history = new ArrayList<>();
  private OrderStatus status = INITIAL_STATUS;
  private Instant statusSince;
  private int published;
  private StuckStep stuck;

  /**
   * @param visibility {@code null} for orders started before they showed a memo and search
   *     attributes
   */
  OrderJournal(
      OrderRequest order,
      int generation,
      OrderEventActivities events,
      OrderMetrics metrics,
      OrderVisibility visibility) {
    this.order = order;
    this.eventIdPrefix =
        generation == 1 ? order.orderId() + "-" : order.orderId() + "-r" + generation + "-";
    this.events = events;
    this.metrics = metrics;
    this.visibility = visibility;
    this.statusSince = now();
    history.add(new StateChange(status.state(), null, statusSince));
    show(status, "Order placed");
  }

  OrderStatus status() {
    return status;
  }

  List<StateChange> history() {
    return List.copyOf(history);
  }

  void advance(OrderState state, NotificationType notification, String message) {
    change(new OrderStatus(state, null), notification, message, events);
  }

  /** Like {@link #advance} but publishes through {@code publisher} instead. */
  void advance(
      OrderState state,
      NotificationType notification,
      String message,
      OrderEventActivities publisher) {
    change(new OrderStatus(state, null), notification, message, publisher);
  }

  void waitFor(WaitingFor resource) {
    waitFor(resource, null, null);
  }

  /**
   * Records the wait once; a repeated wait for the same thing is published only if it tells the
   * buyer something.
   */
  void waitFor(WaitingFor resource, NotificationType notification, String message) {
    OrderStatus waiting = new OrderStatus(status.state(), resource);
    if (waiting.equals(status) && notification == null) {
      return;
    }
    change(waiting, notification, message, events);
  }

  /**
   * Shows the order stuck on a step (or, with {@code null}, no longer stuck): one event with its
   * current state, and its memo and search attributes.
   */
  void showStuck(StuckStep now) {
    stuck = now;
    if (visibility != null) {
      visibility.showStuck(now);
    }
    String message =
        now == null
            ? "No longer stuck"
            : "Stuck on "
                + now.step()
                + " after "
                + now.attempts()
                + " failed attempts: "
                + now.lastError()
                + (now.waitsForStaff() ? "; waits for staff" : "; retrying");
    publish(status, null, message, Instant.ofEpochMilli(Workflow.currentTimeMillis()), events);
  }

  private void change(
      OrderStatus next,
      NotificationType notification,
      String message,
      OrderEventActivities publisher) {
    Instant at = now();
    if (!next.equals(status)) {
      history.add(new StateChange(next.state(), next.waitingFor(), at));
      recordWaitEnd(next, at);
      statusSince = at;
      show(next, message);
    }
    status = next;
    publish(next, notification, message, at, publisher);
  }

  private void publish(
      OrderStatus shown,
      NotificationType notification,
      String message,
      Instant at,
      OrderEventActivities publisher) {
    published++;
    publisher.publishOrderEvent(
        new OrderEvent(
            eventId(eventIdPrefix, published, shown, notification, message),
            order.orderId(),
            order.userId(),
            shown.state(),
            shown.waitingFor(),
            notification,
            message,
            at,
            stuck));
  }

  /**
   * The fingerprint must be the same in every JVM and after every restart: String's hash is
   * specified, enums' hashes are not.
   */
  static String eventId(
      String prefix,
      int sequence,
      OrderStatus shown,
      NotificationType notification,
      String message) {
    String said = shown.state() + "|" + shown.waitingFor() + "|" + notification + "|" + message;
    return prefix + sequence + "-" + String.format("%08x", said.hashCode());
  }

  private void show(OrderStatus shown, String note) {
    if (visibility != null) {
      visibility.show(shown, note);
    }
  }

  private void recordWaitEnd(OrderStatus next, Instant at) {
    WaitingFor waited = status.waitingFor();
    if (waited != null && waited != next.waitingFor()) {
      WaitOutcome outcome =
          next.state() == OrderState.Cancelled ? WaitOutcome.CANCELLED : WaitOutcome.RESUMED;
      metrics.waited(waited, Duration.between(statusSince, at), outcome);
    }
  }

  private static Instant now() {
    return Instant.ofEpochMilli(Workflow.currentTimeMillis());
  }
}
