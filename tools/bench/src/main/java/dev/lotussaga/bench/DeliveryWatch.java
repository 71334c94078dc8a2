package dev.lotussaga.bench;

import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sees when an order's ORDER_IN_DELIVERY notification is stored, by one thread that reads the
 * notification table every few milliseconds for all orders in flight. One cheap query per tick,
 * whatever the concurrency: polling the API per order would load the stack more than the saga.
 */
final class DeliveryWatch implements AutoCloseable {

  private static final long TICK_MILLIS = 5;

  private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
  private final Connection db;
  private final Thread watcher;
  private volatile boolean running = true;

  DeliveryWatch(String jdbcUrl, String user, String password) throws SQLException {
    this.db = DriverManager.getConnection(jdbcUrl, user, password);
    this.watcher = new Thread(this::watch, "delivery-watch");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Completes with System.nanoTime() of the moment the notification was seen stored. */
  CompletableFuture<Long> deliveredAt(String orderId) {
    return pending.computeIfAbsent(orderId, id -> new CompletableFuture<>());
  }

  void forget(String orderId) {
    pending.remove(orderId);
  }

  private void watch() {
    try (PreparedStatement query =
        db.prepareStatement(
            "select order_id from notification.notification"
                + " where type = 'ORDER_IN_DELIVERY' and order_id = any (?)")) {
      while (running) {
        if (!pending.isEmpty()) {
          Array ids = db.createArrayOf("varchar", pending.keySet().toArray());
          query.setArray(1, ids);
          try (ResultSet rows = query.executeQuery()) {
            long now = System.nanoTime();
            while (rows.next()) {
              CompletableFuture<Long> seen = pending.remove(rows.getString(1));
              if (seen != null) {
                seen.complete(now);
              }
            }
          }
        }
        Thread.sleep(TICK_MILLIS);
      }
    } catch (SQLException e) {
      pending.values().forEach(f -> f.completeExceptionally(e));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() throws SQLException, InterruptedException {
    running = false;
    watcher.join(1000);
    db.close();
  }
}
