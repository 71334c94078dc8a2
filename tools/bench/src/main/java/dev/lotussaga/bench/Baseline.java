package dev.lotussaga.bench;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The floor, for information: a workflow of three no-op activities on the same Temporal server,
 * with the same worker capacity as the saga's, started straight through the Temporal client. No
 * database, no Kafka: what Temporal alone costs.
 */
final class Baseline implements OrderFlow {

  static final String TASK_QUEUE = "bench-baseline";

  @WorkflowInterface
  public interface ThreeSteps {
    @WorkflowMethod
    String run(String input);
  }

  @ActivityInterface
  public interface NoOp {
    String step(String input);
  }

  public static class ThreeStepsImpl implements ThreeSteps {
    private final NoOp noOp =
        Workflow.newActivityStub(
            NoOp.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run(String input) {
      return noOp.step(noOp.step(noOp.step(input)));
    }
  }

  static class NoOpImpl implements NoOp {
    @Override
    public String step(String input) {
      return input;
    }
  }

  private final BaselineWorker temporal;
  private final Map<String, CompletableFuture<Long>> running = new ConcurrentHashMap<>();

  Baseline(BenchSettings settings) {
    this.temporal = new BaselineWorker(settings, TASK_QUEUE);
    temporal.start(ThreeStepsImpl.class, new NoOpImpl());
  }

  @Override
  public String place(int buyer) {
    String id = "bench-" + UUID.randomUUID();
    ThreeSteps workflow =
        temporal
            .client()
            .newWorkflowStub(
                ThreeSteps.class,
                WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
    WorkflowClient.start(workflow::run, "x");
    running.put(
        id,
        WorkflowStub.fromTyped(workflow)
            .getResultAsync(String.class)
            .thenApply(result -> System.nanoTime()));
    return id;
  }

  @Override
  public CompletableFuture<Long> finished(String workflowId) {
    CompletableFuture<Long> end = running.remove(workflowId);
    return end != null
        ? end
        : CompletableFuture.failedFuture(new IllegalStateException(workflowId));
  }

  @Override
  public void forget(String workflowId) {
    running.remove(workflowId);
  }

  void close() {
    temporal.close();
  }
}
