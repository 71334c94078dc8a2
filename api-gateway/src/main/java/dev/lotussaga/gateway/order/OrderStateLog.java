package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.observability.OrderLogContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gateway's own copy of each order's state changes, fed from Kafka: the answer to "what is my
 * order doing" when its workflow cannot be queried (for example after the in-memory test server
 * restarted).
 */
@Component
class OrderStateLog {

  private static final int COUNT_SHARDS = 8;

  private final JdbcTemplate jdbc;

  OrderStateLog(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Idempotent: a redelivered event changes nothing; an older event never overwrites a newer state.
   */
  @Transactional
  void record(OrderEvent event) {
    try (OrderLogContext context = OrderLogContext.of(event.orderId())) {
      write(event);
    }
  }

  /** The events of one poll, in order, in one transaction; each as {@link #record} does it. */
  @Transactional
  void recordAll(List<OrderEvent> events) {
    events.forEach(this::record);
  }

  private void write(OrderEvent event) {
    Timestamp at = Timestamp.from(event.occurredAt());
    String waitingFor = event.waitingFor() == null ? null : event.waitingFor().name();
    int inserted =
        jdbc.update(
            """
            insert into order_state_change (event_id, order_id, status, waiting_for, at)
            select ?, order_id, ?, ?, ? from customer_order where order_id = ?
            on conflict (event_id) do nothing
            """,
            event.eventId(),
            event.state().name(),
            waitingFor,
            at,
            event.orderId());
    if (inserted == 1) {
      StuckStep stuck = event.stuck();
      List<String> before =
          jdbc.queryForList(
              """
              with before as (select status from customer_order where order_id = ?)
              update customer_order set status = ?, waiting_for = ?, status_at = ?,
                     stuck_step = ?, stuck_attempts = ?, stuck_last_error = ?, stuck_since = ?,
                     stuck_waits_for_staff = ?
               where order_id = ? and status_at <= ?
              returning (select status from before)
              """,
              String.class,
              event.orderId(),
              event.state().name(),
              waitingFor,
              at,
              stuck == null ? null : stuck.step(),
              stuck == null ? null : stuck.attempts(),
              stuck == null ? null : stuck.lastError(),
              stuck == null ? null : Timestamp.from(stuck.since()),
              stuck == null ? null : stuck.waitsForStaff(),
              event.orderId(),
              at);
      if (!before.isEmpty() && finishes(OrderState.valueOf(before.get(0)), event.state())) {
        countFinished(event);
      }
    }
  }

  private static boolean isFinal(OrderState state) {
    return state == OrderState.NotifyingSourceSystem || state == OrderState.Cancelled;
  }

  private static boolean finishes(OrderState before, OrderState now) {
    return !isFinal(before) && isFinal(now);
  }

  /**
   * One of {@link #COUNT_SHARDS} rows per state, by order, so that consumers rarely wait on one.
   */
  private void countFinished(OrderEvent event) {
    jdbc.update(
        """
        insert into finished_order_count (status, shard, orders) values (?, ?, 1)
        on conflict (status, shard) do update set orders = finished_order_count.orders + 1
        """,
        event.state().name(),
        Math.floorMod(event.orderId().hashCode(), COUNT_SHARDS));
  }

  /**
   * When the order first waited for each resource, in any run: a re-driven run's deadlines count
   * from there.
   */
  Map<WaitingFor, Instant> firstWaits(String orderId) {
    Map<WaitingFor, Instant> firstWaits = new EnumMap<>(WaitingFor.class);
    jdbc.query(
        """
        select waiting_for, min(at) from order_state_change
         where order_id = ? and waiting_for is not null group by waiting_for
        """,
        row -> {
          firstWaits.put(WaitingFor.valueOf(row.getString(1)), row.getTimestamp(2).toInstant());
        },
        orderId);
    return firstWaits;
  }

  List<StateChange> of(CustomerOrder order) {
    List<StateChange> changes =
        jdbc.query(
            "select status, waiting_for, at from order_state_change where order_id = ? order by at, event_id",
            (row, i) ->
                new StateChange(
                    OrderState.valueOf(row.getString(1)),
                    row.getString(2) == null ? null : WaitingFor.valueOf(row.getString(2)),
                    row.getTimestamp(3).toInstant()),
            order.orderId());
    List<StateChange> timeline = new ArrayList<>();
    timeline.add(new StateChange(OrderState.ValidatingBilling, null, order.createdAt()));
    for (StateChange change : changes) {
      StateChange last = timeline.get(timeline.size() - 1);
      if (change.state() != last.state() || change.waitingFor() != last.waitingFor()) {
        timeline.add(change);
      }
    }
    return timeline;
  }
}
