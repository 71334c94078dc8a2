package dev.lotussaga.bench;

import dev.lotussaga.codec.PayloadEncryption;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

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

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workers;
  private final Map<String, CompletableFuture<Long>> running = new ConcurrentHashMap<>();

  Baseline(BenchSettings settings) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(settings.temporalTarget()).build());
    // Encrypted as the saga's payloads are, so that the baseline pays the same for them.
    this.client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setDataConverter(PayloadEncryption.fromEnvironment().dataConverter())
                .build());
    this.workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker(TASK_QUEUE, sagaWorkerCapacity());
    worker.registerWorkflowImplementationTypes(ThreeStepsImpl.class);
    worker.registerActivitiesImplementations(new NoOpImpl());
    workers.start();
  }

  /** The saga's workers run 64 workflow-task and 16 activity slots with 4 pollers each. */
  static WorkerOptions sagaWorkerCapacity() {
    return WorkerOptions.newBuilder()
        .setMaxConcurrentWorkflowTaskExecutionSize(64)
        .setMaxConcurrentActivityExecutionSize(16)
        .setMaxConcurrentWorkflowTaskPollers(4)
        .setMaxConcurrentActivityTaskPollers(4)
        .build();
  }

  @Override
  public Optional<String> place(int buyer) {
    String id = "bench-" + UUID.randomUUID();
    ThreeSteps workflow =
        client.newWorkflowStub(
            ThreeSteps.class,
            WorkflowOptions.newBuilder().setTaskQueue(TASK_QUEUE).setWorkflowId(id).build());
    WorkflowClient.start(workflow::run, "x");
    running.put(
        id,
        WorkflowStub.fromTyped(workflow)
            .getResultAsync(String.class)
            .thenApply(result -> System.nanoTime()));
    return Optional.of(id);
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
    workers.shutdownNow();
    // the pollers stop first, so that none of them fails on a closed channel
    workers.awaitTermination(5, TimeUnit.SECONDS);
    service.shutdownNow();
  }
}
