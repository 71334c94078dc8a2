package dev.lotussaga.gateway.order;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Walks every order that is not final and re-drives those whose workflow is gone; a stored cancel
 * of an order whose workflow runs is sent again (the gateway may have died before sending it). Runs
 * shortly after start-up, then periodically, and on demand for staff. One sweep at a time across
 * gateway replicas (a PostgreSQL advisory lock, released with its session if a replica dies), paced
 * to {@link RedriveProperties#ratePerSecond}.
 */
@Component
class StrandedOrderSweep {

  private static final Logger log = LoggerFactory.getLogger(StrandedOrderSweep.class);

  /** Advisory lock key of the sweep: "lotus-re" in ASCII. */
  private static final long SWEEP_LOCK = 0x6c6f7475732d7265L;

  private static final int PAGE = 100;

  private final DataSource dataSource;
  private final CustomerOrderRepository orders;
  private final OrderRedrive redrive;
  private final OrderCancellation cancellation;
  private final long pauseNanos;

  StrandedOrderSweep(
      DataSource dataSource,
      CustomerOrderRepository orders,
      OrderRedrive redrive,
      OrderCancellation cancellation,
      RedriveProperties properties) {
    this.dataSource = dataSource;
    this.orders = orders;
    this.redrive = redrive;
    this.cancellation = cancellation;
    this.pauseNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, properties.ratePerSecond());
  }

  record Redriven(String orderId, String reason) {}

  /** What one sweep did: how many orders it asked Temporal about, and which it re-drove. */
  record Sweep(int checked, List<Redriven> redriven) {}

  @Scheduled(
      initialDelayString = "${lotus.redrive.initial-delay:3s}",
      fixedDelayString = "${lotus.redrive.interval:15s}")
  void sweepPeriodically() {
    try {
      sweep()
          .filter(done -> !done.redriven().isEmpty())
          .ifPresent(
              done ->
                  log.info(
                      "Re-drive sweep: {} orders checked, {} re-driven",
                      done.checked(),
                      done.redriven().size()));
    } catch (RuntimeException e) {
      log.warn("Re-drive sweep stopped, the next one goes on: {}", e.toString());
    }
  }

  /** Sweeps now; empty when another sweep (here or in another replica) is running. */
  Optional<Sweep> sweep() {
    try (Connection lockSession = dataSource.getConnection()) {
      if (!advisoryLock(lockSession, "pg_try_advisory_lock")) {
        return Optional.empty();
      }
      try {
        return Optional.of(sweepAll());
      } finally {
        advisoryLock(lockSession, "pg_advisory_unlock");
      }
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("Cannot take the re-drive sweep's lock", e);
    }
  }

  private Sweep sweepAll() {
    List<Redriven> redriven = new ArrayList<>();
    int checked = 0;
    Instant afterCreated = Instant.EPOCH;
    String afterId = "";
    long nextCall = System.nanoTime();
    List<CustomerOrder> page;
    do {
      page = orders.notFinalAfter(afterCreated, afterId, Limit.of(PAGE));
      for (CustomerOrder order : page) {
        LockSupport.parkNanos(nextCall - System.nanoTime());
        nextCall = Math.max(nextCall, System.nanoTime()) + pauseNanos;
        checked++;
        try {
          Optional<String> reason = redrive.redriveIfGone(order);
          if (reason.isPresent()) {
            redriven.add(new Redriven(order.orderId(), reason.get()));
          } else if (order.cancelRequested()) {
            cancellation.resendStoredCancel(order);
          }
        } catch (StatusRuntimeException | WorkflowException e) {
          if (unreachable(e)) {
            log.warn("Temporal is unreachable; the re-drive sweep stops until the next one");
            return new Sweep(checked, redriven);
          }
          log.warn("Order {} not checked this time: {}", order.orderId(), e.toString());
        }
      }
      if (!page.isEmpty()) {
        CustomerOrder last = page.get(page.size() - 1);
        afterCreated = last.createdAt();
        afterId = last.orderId();
      }
    } while (page.size() == PAGE);
    return new Sweep(checked, redriven);
  }

  private static boolean unreachable(RuntimeException e) {
    Throwable cause = e instanceof StatusRuntimeException ? e : e.getCause();
    return cause instanceof StatusRuntimeException status
        && (status.getStatus().getCode() == Status.Code.UNAVAILABLE
            || status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED);
  }

  private static boolean advisoryLock(Connection session, String function) throws SQLException {
    try (PreparedStatement statement = session.prepareStatement("select " + function + "(?)")) {
      statement.setLong(1, SWEEP_LOCK);
      try (ResultSet result = statement.executeQuery()) {
        return result.next() && result.getBoolean(1);
      }
    }
  }
}
