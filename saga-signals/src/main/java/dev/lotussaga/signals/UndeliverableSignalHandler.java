package dev.lotussaga.signals;

/**
 * Told about a signal whose workflow no longer runs (finished, or lost with an in-memory Temporal
 * server). Services use it to take the dead order out of their waiting line and wake the next one.
 * Called inside the relay's transaction, so it may enqueue further signals.
 */
public interface UndeliverableSignalHandler {

  void onUndeliverable(String workflowId, String signalName);
}
