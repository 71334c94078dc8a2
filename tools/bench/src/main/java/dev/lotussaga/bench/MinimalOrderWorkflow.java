package dev.lotussaga.bench;

import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** The minimal saga: charge, reserve, book, each undone in reverse if a later one fails. */
@WorkflowInterface
public interface MinimalOrderWorkflow {

  /** Its own queue, so that its tasks never mix with the saga's or the no-op floor's. */
  String TASK_QUEUE = "bench-minimal";

  @WorkflowMethod
  void place(MinimalOrder order);
}
