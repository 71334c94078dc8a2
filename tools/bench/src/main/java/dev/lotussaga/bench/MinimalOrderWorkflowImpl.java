package dev.lotussaga.bench;

import io.temporal.activity.ActivityOptions;
import io.temporal.failure.ActivityFailure;
import io.temporal.workflow.Saga;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/** No waits, versions, memo, search attributes or local activities: three steps and a saga. */
public class MinimalOrderWorkflowImpl implements MinimalOrderWorkflow {

  private final MinimalOrderSteps steps =
      Workflow.newActivityStub(
          MinimalOrderSteps.class,
          ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

  @Override
  public void place(MinimalOrder order) {
    Saga compensations = new Saga(new Saga.Options.Builder().build());
    try {
      // Each compensation is registered before its step: the step may succeed and still time out.
      compensations.addCompensation(steps::refund, order);
      steps.charge(order);
      compensations.addCompensation(steps::release, order);
      steps.reserve(order);
      compensations.addCompensation(steps::unbook, order);
      steps.book(order);
    } catch (ActivityFailure failure) {
      Workflow.newDetachedCancellationScope(compensations::compensate).run();
      throw failure;
    }
  }
}
