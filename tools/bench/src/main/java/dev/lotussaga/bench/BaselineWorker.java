package dev.lotussaga.bench;

import dev.lotussaga.codec.PayloadEncryption;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerOptions;
import java.util.concurrent.TimeUnit;

/**
 * A baseline's Temporal client and worker in this JVM: the same server as the saga's, payloads
 * encrypted as the saga's are (so that both pay for it), the worker as large as the saga's.
 */
final class BaselineWorker implements AutoCloseable {

  private final WorkflowServiceStubs service;
  private final WorkflowClient client;
  private final WorkerFactory workers;
  private final Worker worker;

  BaselineWorker(BenchSettings settings, String taskQueue) {
    this.service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(settings.temporalTarget()).build());
    this.client =
        WorkflowClient.newInstance(
            service,
            WorkflowClientOptions.newBuilder()
                .setDataConverter(PayloadEncryption.fromEnvironment().dataConverter())
                .build());
    this.workers = WorkerFactory.newInstance(client);
    // The saga's workers run 64 workflow-task and 16 activity slots with 4 pollers each.
    this.worker =
        workers.newWorker(
            taskQueue,
            WorkerOptions.newBuilder()
                .setMaxConcurrentWorkflowTaskExecutionSize(64)
                .setMaxConcurrentActivityExecutionSize(16)
                .setMaxConcurrentWorkflowTaskPollers(4)
                .setMaxConcurrentActivityTaskPollers(4)
                .build());
  }

  WorkflowClient client() {
    return client;
  }

  /** Starts polling with what was registered: workflow types, then activities. */
  void start(Class<?> workflow, Object activities) {
    worker.registerWorkflowImplementationTypes(workflow);
    worker.registerActivitiesImplementations(activities);
    workers.start();
  }

  @Override
  public void close() {
    workers.shutdownNow();
    // the pollers stop first, so that none of them fails on a closed channel
    workers.awaitTermination(5, TimeUnit.SECONDS);
    service.shutdownNow();
  }
}
