package dev.lotussaga.faultswitches;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.SignalMethod;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInterceptorsTest {

  private static final String QUEUE = "faults";
  private static final AtomicInteger bodyRuns = new AtomicInteger();

  private TestWorkflowEnvironment env;

  @AfterEach
  void stop() {
    env.close();
  }

  @Test
  void runsEachActivityBodyTwiceAndRetriesTheAttemptWhoseAnswerWasLost() {
    start(new ActivityFaults(2, 100), 1);
    bodyRuns.set(0);

    int answer = workflow("order-1").run(0);

    // attempt 1: two runs, answer dropped; attempt 2: two runs, answer kept
    assertThat(bodyRuns).hasValue(4);
    assertThat(answer).isEqualTo(4);
  }

  @Test
  void leavesActivitiesAloneWhenNothingIsInjected() {
    start(new ActivityFaults(1, 0), 1);
    bodyRuns.set(0);

    workflow("order-2").run(0);

    assertThat(bodyRuns).hasValue(1);
  }

  @Test
  void deliversEverySignalAsManyTimesAsConfigured() {
    start(new ActivityFaults(1, 0), 3);
    Counting counting = workflow("order-3");
    WorkflowClient.start(counting::run, 2);

    counting.knock();
    counting.knock();

    assertThat(WorkflowStub.fromTyped(counting).getResult(Integer.class))
        .as("two knocks sent three times each, then one activity run")
        .isEqualTo(7);
  }

  private void start(ActivityFaults activityFaults, int signalCopies) {
    env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder().setWorkerInterceptors(activityFaults).build())
                .setWorkflowClientOptions(
                    WorkflowClientOptions.newBuilder()
                        .setInterceptors(new DuplicatedSignals(signalCopies))
                        .build())
                .build());
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(CountingWorkflow.class);
    worker.registerActivitiesImplementations(new CountedStep());
    env.start();
  }

  private Counting workflow(String id) {
    return env.getWorkflowClient()
        .newWorkflowStub(
            Counting.class,
            WorkflowOptions.newBuilder().setTaskQueue(QUEUE).setWorkflowId(id).build());
  }

  @WorkflowInterface
  public interface Counting {
    /** Waits for {@code knocks} signals, runs one step, answers knocks seen plus step runs. */
    @WorkflowMethod
    int run(int knocks);

    @SignalMethod
    void knock();
  }

  public static class CountingWorkflow implements Counting {
    private int knocked;

    @Override
    public int run(int knocks) {
      Workflow.await(() -> knocked >= knocks);
      Step step =
          Workflow.newActivityStub(
              Step.class,
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofSeconds(10))
                  .setRetryOptions(
                      RetryOptions.newBuilder()
                          .setInitialInterval(Duration.ofMillis(10))
                          .setMaximumAttempts(3)
                          .build())
                  .build());
      return knocked + step.perform();
    }

    @Override
    public void knock() {
      knocked++;
    }
  }

  @ActivityInterface
  public interface Step {
    int perform();
  }

  static class CountedStep implements Step {
    @Override
    public int perform() {
      return bodyRuns.incrementAndGet();
    }
  }
}
