package dev.lotussaga.signals;

import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Records a signal for a workflow as part of the caller's transaction. */
public class SignalOutbox {

  private final JdbcTemplate jdbc;
  private final ApplicationEventPublisher events;

  SignalOutbox(JdbcTemplate jdbc, ApplicationEventPublisher events) {
    this.jdbc = jdbc;
    this.events = events;
  }

  /** Must run inside the transaction whose committed change the signal announces. */
  public void enqueue(String workflowId, String signalName) {
    enqueueAll(List.of(workflowId), signalName);
  }

  /** The same signal for each of the workflows, in that order; one batch, one event. */
  public void enqueueAll(List<String> workflowIds, String signalName) {
    if (workflowIds.isEmpty()) {
      return;
    }
    if (!TransactionSynchronizationManager.isActualTransactionActive()) {
      throw new IllegalStateException(
          "A signal must be enqueued inside the transaction it announces");
    }
    jdbc.batchUpdate(
        "insert into signal_outbox (workflow_id, signal_name) values (?, ?)",
        workflowIds.stream().map(id -> new Object[] {id, signalName}).toList());
    events.publishEvent(new SignalEnqueued(workflowIds.get(0), signalName));
  }

  /** Published inside the transaction; the relay reacts after commit. */
  public record SignalEnqueued(String workflowId, String signalName) {}
}
