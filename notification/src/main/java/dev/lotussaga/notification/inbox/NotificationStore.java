package dev.lotussaga.notification.inbox;

import dev.lotussaga.contracts.events.OrderEvent;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Plain SQL on purpose: "insert unless this event id, or this milestone of the order, is stored" is
 * one statement in PostgreSQL and needs no read-then-write race handling.
 */
@Component
class NotificationStore {

  private final JdbcTemplate jdbc;

  NotificationStore(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Returns false when the event was stored before (a redelivery), or the order's milestone was (a
   * re-driven run announcing a step its lost run had announced).
   */
  boolean store(OrderEvent event) {
    return jdbc.update(
            """
            insert into notification (event_id, order_id, user_id, type, message, created_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict do nothing
            """,
            event.eventId(),
            event.orderId(),
            event.userId(),
            event.notification().name(),
            event.message() == null ? "" : event.message(),
            Timestamp.from(event.occurredAt()))
        == 1;
  }

  List<Notification> forUser(long userId) {
    return jdbc.query(
        """
        select id, order_id, user_id, type, message, created_at
          from notification where user_id = ? order by created_at, id
        """,
        NotificationStore::notification,
        userId);
  }

  List<Notification> forUsersOrder(long userId, String orderId) {
    return jdbc.query(
        """
        select id, order_id, user_id, type, message, created_at
          from notification where order_id = ? and user_id = ? order by created_at, id
        """,
        NotificationStore::notification,
        orderId,
        userId);
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
