package dev.lotussaga.signals;

import dev.lotussaga.contracts.order.OrderWorkflowIds;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A first-come-first-served line of orders per resource (a buyer's balance, a product's stock),
 * kept in the owning service's schema. Only the first order in line may take the resource; whoever
 * changes the resource wakes the first order with a signal through the outbox, in the same
 * transaction, or, where it can hand the resource out itself (units of stock), serves the first
 * orders and wakes each of them.
 *
 * <p>An order keeps its place while its workflow is gone (lost with a Temporal server, or
 * terminated): the gateway re-drives it, and its new run, first in line again, takes the resource.
 * Orders leave a line only by taking the resource or by being cancelled.
 *
 * <p>Every operation on one resource's line runs under a transaction-scoped advisory lock for that
 * resource, so joining, leaving and waking never interleave and no wake-up is lost.
 */
public class WaitingLine {

  private final JdbcTemplate jdbc;
  private final SignalOutbox outbox;
  private final String wakeUpSignal;

  /**
   * @param wakeUpSignal the signal that tells a waiting order its resource changed
   */
  public WaitingLine(JdbcTemplate jdbc, SignalOutbox outbox, String wakeUpSignal) {
    this.jdbc = jdbc;
    this.outbox = outbox;
    this.wakeUpSignal = wakeUpSignal;
  }

  /**
   * The first order waiting for the resource, if any. Takes the line's lock, so until the caller's
   * transaction ends nobody joins or leaves: an empty answer means the caller need neither leave
   * the line nor wake anybody after taking the resource.
   */
  public Optional<String> first(String resource) {
    lock(resource);
    return jdbc
        .queryForList(
            "select order_id from waiting_line where resource_key = ? order by id limit 1",
            String.class,
            resource)
        .stream()
        .findFirst();
  }

  /** Puts the order at the end of the line unless it already stands in it. */
  public void join(String orderId, String resource) {
    lock(resource);
    jdbc.update(
        "insert into waiting_line (order_id, resource_key) values (?, ?)"
            + " on conflict (order_id) do nothing",
        orderId,
        resource);
  }

  public void leave(String orderId, String resource) {
    lock(resource);
    jdbc.update("delete from waiting_line where order_id = ?", orderId);
  }

  /** Signals the first order in line, if any, once the caller's transaction commits. */
  public void wakeFirst(String resource) {
    first(resource)
        .ifPresent(orderId -> outbox.enqueue(OrderWorkflowIds.workflowId(orderId), wakeUpSignal));
  }

  /**
   * Takes the first {@code count} orders out of the line, in line order, and signals each of them
   * once the caller's transaction commits: for a resource that can be handed out in that
   * transaction (units of a product), so that the served orders find it theirs when they wake.
   */
  public List<String> serveFirst(String resource, int count) {
    lock(resource);
    List<String> served =
        jdbc.queryForList(
            "with served as (delete from waiting_line where id in (select id from waiting_line"
                + " where resource_key = ? order by id limit ?) returning id, order_id)"
                + " select order_id from served order by id",
            String.class,
            resource,
            count);
    outbox.enqueueAll(served.stream().map(OrderWorkflowIds::workflowId).toList(), wakeUpSignal);
    return served;
  }

  public List<String> orders(String resource) {
    lock(resource);
    return jdbc.queryForList(
        "select order_id from waiting_line where resource_key = ? order by id",
        String.class,
        resource);
  }

  private void lock(String resource) {
    jdbc.query(
        "select pg_advisory_xact_lock(hashtext(?))", row -> {}, wakeUpSignal + ":" + resource);
  }
}
