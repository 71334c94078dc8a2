package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Plain SQL on purpose: "insert unless this event id, or this milestone of the order, is stored" is
 * one statement in PostgreSQL and needs no read-then-write race handling.
 */
@Component
class NotificationStore {

  private static final String INSERT =
      """
      insert into notification (event_id, order_id, user_id, type, message, created_at)
      values (?, ?, ?, ?, ?, ?)
      on conflict do nothing
      """;

  private final JdbcTemplate jdbc;

  NotificationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Returns false when the event was stored before (a redelivery), or the order's milestone was (a
   * re-driven run announcing a step its lost run had announced).
   */
  boolean store(OrderEvent event) {
    return jdbc.update(INSERT, columns(event)) == 1;
  }

  /**
   * The events in order, in one transaction and one round trip; for each, as {@link #store}
   * answers. An event stored earlier in the same call counts as stored before.
   */
  @Transactional
  boolean[] storeAll(List<OrderEvent> events) {
    int[] inserted =
        jdbc.batchUpdate(INSERT, events.stream().map(NotificationStore::columns).toList());
    boolean[] isNew = new boolean[inserted.length];
    for (int i = 0; i < inserted.length; i++) {
      isNew[i] = inserted[i] == 1;
    }
    return isNew;
  }

  private static Object[] columns(OrderEvent event) {
    return new Object[] {
      event.eventId(),
      event.orderId(),
      event.userId(),
      event.notification().name(),
      event.message() == null ? "" : event.message(),
      Timestamp.from(event.occurredAt())
    };
  }

  /**
   * A buyer's notifications (only one order's, with {@code orderId}), oldest first: those after the
   * notification {@code after} (its id, or {@code null} from the first), at most {@code limit}.
   * Keyset pagination over the (user, time, id) and (order, time, id) indexes: a page costs the
   * same however many notifications there are.
   */
  List<Notification> page(long userId, String orderId, Long after, int limit) {
    List<Object> args = new ArrayList<>();
    StringBuilder sql =
        new StringBuilder(
            "select id, order_id, user_id, type, message, created_at from notification where ");
    if (orderId == null) {
      sql.append("user_id = ?");
      args.add(userId);
    } else {
      sql.append("order_id = ? and user_id = ?");
      args.add(orderId);
      args.add(userId);
    }
    if (after != null) {
      sql.append(" and (created_at, id) > (select created_at, id from notification where id = ?)");
      args.add(after);
    }
    sql.append(" order by created_at, id limit ?");
    args.add(limit);
    return jdbc.query(sql.toString(), NotificationStore::notification, args.toArray());
  }

  private static Notification notification(ResultSet row, int i) throws SQLException {
    return new Notification(
        row.getLong(1),
        row.getString(2),
        row.getLong(3),
        row.getString(4),
        row.getString(5),
        row.getTimestamp(6).toInstant());
  }
}
