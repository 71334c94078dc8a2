package dev.lotussaga.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
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
 * Sees when an order's ORDER_IN_DELIVERY event is stored, by one thread that reads a table every
 * few milliseconds for all orders in flight. One cheap query per tick, whatever the concurrency:
 * polling the API per order would load the stack more than the saga. The saga and the minimal saga
 * are each watched so, on their own table, so that both end-to-end figures carry the same delay.
 */
final class DeliveryWatch implements AutoCloseable {

  private static final long TICK_MILLIS = 5;

  /** The saga's end: the notification service stored the hand-over to delivery. */
  static final String SAGA_DELIVERIES =
      "select order_id from notification.notification"
          + " where type = 'ORDER_IN_DELIVERY' and order_id = any (?)";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private final Map<String, CompletableFuture<Long>> pending = new ConcurrentHashMap<>();
  private final String query;
  private final Connection db;
  private final Thread watcher;
  private volatile boolean running = true;

  /** {@code query}: the ids among {@code ?} (an array of order ids) whose end is stored. */
  DeliveryWatch(BenchSettings settings, String query, String name) throws SQLException {
    this.query = query;
    this.db =
        DriverManager.getConnection(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    this.watcher = new Thread(this::watch, name);
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

  /**
   * CPU seconds the watching thread has used: measuring, not serving orders, so the bench leaves it
   * out of what its own process spends.
   */
  double cpuSeconds() {
    long nanos = THREADS.getThreadCpuTime(watcher.getId());
    return nanos < 0 ? 0 : nanos / 1e9;
  }

  private void watch() {
    try (PreparedStatement statement = db.prepareStatement(query)) {
      while (running) {
        if (!pending.isEmpty()) {
          Array ids = db.createArrayOf("varchar", pending.keySet().toArray());
          statement.setArray(1, ids);
          try (ResultSet rows = statement.executeQuery()) {
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
