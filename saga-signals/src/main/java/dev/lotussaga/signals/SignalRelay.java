package dev.lotussaga.signals;

import dev.lotussaga.observability.OrderLogContext;
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
 * whatever an earlier attempt could not deliver (Temporal down, process killed). Rows are locked
 * with {@code SKIP LOCKED}, so several replicas can relay side by side; within one process a single
 * thread delivers, in id order.
 */
public class SignalRelay implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SignalRelay.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;
  private final WorkflowClient workflows;
  private final int batchSize;
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
    this.batchSize = properties.batchSize();
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

  /** Delivers everything pending; returns how many signals left the outbox. */
  public int deliverPending() {
    int total = 0;
    try {
      int delivered;
      do {
        Integer batch = newTransaction.execute(status -> deliverBatch());
        delivered = batch == null ? 0 : batch;
        total += delivered;
      } while (delivered == batchSize);
    } catch (RuntimeException e) {
      log.warn("Outbox unavailable, will retry: {}", e.toString());
    }
    return total;
  }

  private int deliverBatch() {
    List<PendingSignal> batch =
        jdbc.query(
            "select id, workflow_id, signal_name from signal_outbox order by id limit ?"
                + " for update skip locked",
            (row, i) -> new PendingSignal(row.getLong(1), row.getString(2), row.getString(3)),
            batchSize);
    List<Object[]> done = new ArrayList<>();
    for (PendingSignal signal : batch) {
      try (OrderLogContext context = OrderLogContext.ofWorkflow(signal.workflowId())) {
        deliver(signal);
      } catch (RuntimeException e) {
        // Temporal unreachable or overloaded: keep this and later signals for the next attempt.
        log.warn("Signal delivery paused, will retry: {}", e.toString());
        break;
      }
      done.add(new Object[] {signal.id()});
    }
    jdbc.batchUpdate("delete from signal_outbox where id = ?", done);
    return done.size();
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

  @Override
  public void close() throws InterruptedException {
    deliverer.shutdown();
    deliverer.awaitTermination(5, TimeUnit.SECONDS);
  }

  private record PendingSignal(long id, String workflowId, String signalName) {}
}
