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
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The yardstick: a workflow of three no-op activities on the same Temporal server, with the same
 * worker capacity as the saga's, started straight through the Temporal client with the same number
 * of closed-loop clients.
 */
final class Baseline {

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

  record Result(
      Latencies start, Latencies completion, int completed, int errors, Duration elapsed) {
    double perSecond() {
      return completed / (elapsed.toMillis() / 1000.0);
    }
  }

  private final BenchSettings settings;
  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workers;

  Baseline(BenchSettings settings) {
    this.settings = settings;
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
    // The saga's workers run 64 workflow-task and 16 activity slots with 4 pollers each.
    Worker worker =
        workers.newWorker(
            TASK_QUEUE,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(64)
                .setMaxConcurrentActivityExecutionSize(16)
                .setMaxConcurrentWorkflowTaskPollers(4)
                .setMaxConcurrentActivityTaskPollers(4)
                .build());
    worker.registerWorkflowImplementationTypes(ThreeStepsImpl.class);
    worker.registerActivitiesImplementations(new NoOpImpl());
    workers.start();
  }

  Result run(Duration duration, int maxWorkflows) throws Exception {
    Latencies start = new Latencies();
    Latencies completion = new Latencies();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    long begin = System.nanoTime();
    long end = begin + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < settings.clients(); c++) {
      clients.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end && started.incrementAndGet() <= maxWorkflows) {
                  try {
                    ThreeSteps workflow =
                        client.newWorkflowStub(
                            ThreeSteps.class,
                            WorkflowOptions.newBuilder()
                                .setTaskQueue(TASK_QUEUE)
                                .setWorkflowId("bench-" + UUID.randomUUID())
                                .build());
                    long t0 = System.nanoTime();
                    WorkflowClient.start(workflow::run, "x");
                    start.record(Duration.ofNanos(System.nanoTime() - t0));
                    WorkflowStub.fromTyped(workflow).getResult(String.class);
                    completion.record(Duration.ofNanos(System.nanoTime() - t0));
                    completed.incrementAndGet();
                  } catch (RuntimeException e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> f : clients) {
      f.get();
    }
    pool.shutdown();
    return new Result(
        start,
        completion,
        completed.get(),
        errors.get(),
        Duration.ofNanos(System.nanoTime() - begin));
  }

  void close() {
    workers.shutdownNow();
    service.shutdownNow();
  }
}
