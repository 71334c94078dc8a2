package dev.lotussaga.signals;

import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;

/** Stands in for an order in the relay's tests: it waits until a wake-up signal arrives. */
@WorkflowInterface
public interface WakeUpWorkflow {

  String SIGNAL = "stockAdded";

  @WorkflowMethod
  int awaitWakeUp();

  @SignalMethod(name = SIGNAL)
  void wakeUp();

  class Waiting implements WakeUpWorkflow {

    private int wakeUps;

    @Override
    public int awaitWakeUp() {
      Workflow.await(() -> wakeUps > 0);
      return wakeUps;
    }

    @Override
    public void wakeUp() {
      wakeUps++;
    }
  }
}
