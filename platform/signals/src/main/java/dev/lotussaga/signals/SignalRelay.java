package dev.lotussaga.signals;

import dev.lotussaga.observability.OrderLogContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowNotFoundException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Delivers outbox signals: right after each commit that enqueued one, and on a fixed interval for
 * whatever is due again (Temporal was down, the process was killed, a signal was refused). Rows are
 * locked with {@code SKIP LOCKED}, so several replicas can relay side by side; within one process a
 * single thread delivers.
 *
 * <p>A signal Temporal refuses is tried again later, after a delay that doubles up to a limit, and
 * after {@code lotus.outbox.max-attempts} refusals it is parked as dead ({@code dead_at}) for
 * staff. It never holds back the rows behind it. That the rows behind may overtake it is harmless:
 * every signal only tells an order "your resource changed, look again", and the workflow counts
 * them, so two signals to one workflow are interchangeable and their order never mattered. When
 * Temporal as a whole cannot be reached, the batch stops instead, and no row is charged an attempt
 * for it.
 */
public class SignalRelay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalRelay.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final WorkflowClient workflows;
  private final OutboxProperties properties;
  private final ExecutorService deliverer =
      Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "signal-relay"));
  private final AtomicBoolean deliveryRequested = new AtomicBoolean();

  SignalRelay(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactions,
      WorkflowClient workflows,
      OutboxProperties properties) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.workflows = workflows;
    this.properties = properties;
  }

  @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
  void onSignalEnqueued(SignalOutbox.SignalEnqueued event) {
    requestDelivery();
  }

  @Scheduled(
      fixedDelayString = "${lotus.outbox.poll-interval:1s}",
      initialDelayString = "${lotus.outbox.poll-interval:1s}")
  void pollPending() {
    requestDelivery();
  }

  /** Coalesces requests: at most one delivery run is queued behind the one that is running. */
  void requestDelivery() {
    if (deliveryRequested.compareAndSet(false, true)) {
      deliverer.execute(
          () -> {
            deliveryRequested.set(false);
            deliverPending();
          });
    }
  }

  /** Delivers every due signal; returns how many left the outbox. */
  public int deliverPending() {
    int total = 0;
    try {
      Batch batch;
      do {
        batch = newTransaction.execute(status -> deliverBatch());
        total += batch.delivered();
      } while (batch.taken() == properties.batchSize() && !batch.temporalUnreachable());
    } catch (RuntimeException e) {
      log.warn("Outbox unavailable, will retry: {}", e.toString());
    }
    return total;
  }

  /** What one transaction did: rows it took, rows that left the outbox, whether it stopped. */
  private record Batch(int taken, int delivered, boolean temporalUnreachable) {}

  private Batch deliverBatch() {
    List<PendingSignal> batch =
        jdbc.query(
            "select id, workflow_id, signal_name, attempts from signal_outbox"
                + " where dead_at is null and next_attempt_at <= now()"
                + " order by id limit ? for update skip locked",
            (row, i) ->
                new PendingSignal(
                    row.getLong(1), row.getString(2), row.getString(3), row.getInt(4)),
            properties.batchSize());
    List<Object[]> done = new ArrayList<>();
    boolean unreachable = false;
    for (PendingSignal signal : batch) {
      try (OrderLogContext context = OrderLogContext.ofWorkflow(signal.workflowId())) {
        deliver(signal);
        done.add(new Object[] {signal.id()});
      } catch (RuntimeException e) {
        if (temporalUnreachable(e)) {
          // Not this signal's fault: every later one would fail alike. Keep all for the next poll.
          log.warn("Temporal unreachable, signal delivery paused: {}", e.toString());
          noteError(signal, e);
          unreachable = true;
          break;
        }
        try (OrderLogContext context = OrderLogContext.ofWorkflow(signal.workflowId())) {
          refused(signal, e);
        }
      }
    }
    jdbc.batchUpdate("delete from signal_outbox where id = ?", done);
    return new Batch(batch.size(), done.size(), unreachable);
  }

  private void deliver(PendingSignal signal) {
    try {
      workflows.newUntypedWorkflowStub(signal.workflowId()).signal(signal.signalName());
      log.debug("Delivered {} to {}", signal.signalName(), signal.workflowId());
    } catch (WorkflowNotFoundException gone) {
      // Finished, or lost with its Temporal server. A lost order keeps its place in line: the
      // gateway re-drives it, and its new run tries its step again without needing this signal.
      log.info(
          "Workflow {} does not run; signal {} dropped", signal.workflowId(), signal.signalName());
    }
  }

  /** Records the refusal and schedules this row alone again, or parks it after the last attempt. */
  private void refused(PendingSignal signal, RuntimeException e) {
    int attempts = signal.attempts() + 1;
    if (attempts >= properties.maxAttempts()) {
      jdbc.update(
          "update signal_outbox set attempts = ?, last_error = ?, dead_at = clock_timestamp()"
              + " where id = ?",
          attempts,
          describe(e),
          signal.id());
      log.warn(
          "Signal {} to workflow {} parked as dead after {} attempts (docs/operations.md:"
              + " Runbook, Signal outbox): {}",
          signal.signalName(),
          signal.workflowId(),
          attempts,
          e.toString());
      return;
    }
    long delayMillis = properties.retryDelay(attempts).toMillis();
    jdbc.update(
        "update signal_outbox set attempts = ?, last_error = ?,"
            + " next_attempt_at = clock_timestamp() + ? * interval '1 millisecond' where id = ?",
        attempts,
        describe(e),
        delayMillis,
        signal.id());
    log.info(
        "Signal {} to workflow {} refused (attempt {} of {}), tried again in {} ms: {}",
        signal.signalName(),
        signal.workflowId(),
        attempts,
        properties.maxAttempts(),
        delayMillis,
        e.toString());
  }

  private void noteError(PendingSignal signal, RuntimeException e) {
    jdbc.update("update signal_outbox set last_error = ? where id = ?", describe(e), signal.id());
  }

  /** Temporal as a whole cannot be reached or does not answer in time (gRPC status anywhere). */
  static boolean temporalUnreachable(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof StatusRuntimeException status) {
        Status.Code code = status.getStatus().getCode();
        return code == Status.Code.UNAVAILABLE || code == Status.Code.DEADLINE_EXCEEDED;
      }
    }
    return false;
  }

  private static String describe(Throwable e) {
    StringBuilder text = new StringBuilder(e.toString());
    for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
      text.append("; caused by ").append(cause);
    }
    return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text.toString();
  }

  @Override
  public void close() throws InterruptedException {
    deliverer.shutdown();
    deliverer.awaitTermination(5, TimeUnit.SECONDS);
  }

  private record PendingSignal(long id, String workflowId, String signalName, int attempts) {}
}
