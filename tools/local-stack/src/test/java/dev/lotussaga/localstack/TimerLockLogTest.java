package dev.lotussaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TimerLockLogTest {

  private static final String TASK_QUEUE = "timer-lock-log";
  private static final Duration NAP = Duration.ofMillis(200);

  @WorkflowInterface
  public interface StepThenNap {
    @WorkflowMethod
    String run(String input);
  }

  @ActivityInterface
  public interface Echo {
    String echo(String input);
  }

  public static class StepThenNapImpl implements StepThenNap {
    private final Echo echo =
        Workflow.newActivityStub(
            Echo.class,
            ActivityOptions.newBuilder().setStartToCloseTimeout(Duration.ofSeconds(10)).build());

    @Override
    public String run(String input) {
      String echoed = echo.echo(input);
      Workflow.sleep(NAP);
      return echoed;
    }
  }

  private LocalTemporal server;
  private WorkflowServiceStubs service;
  private WorkerFactory workers;
  private WorkflowClient client;

  @BeforeEach
  void startServerAndWorker() throws Exception {
    int port = LoopbackPorts.free();
    server = LocalTemporal.start(port);
    service =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget("127.0.0.1:" + port).build());
    client = WorkflowClient.newInstance(service);
    workers = WorkerFactory.newInstance(client);
    var worker = workers.newWorker(TASK_QUEUE);
    worker.registerWorkflowImplementationTypes(StepThenNapImpl.class);
    worker.registerActivitiesImplementations((Echo) input -> input);
    workers.start();
  }

  @AfterEach
  void stop() throws Exception {
    workers.shutdownNow();
    service.shutdownNow();
    server.close();
  }

  @Test
  void theTestServerKeepsEveryLockOfEveryWorkflowUnlessTold() throws Exception {
    runWorkflows(3);
    int afterThree = TimerLockLog.entries(server.services());
    runWorkflows(3);

    // If this fails, the SDK no longer leaks lock entries and TimerLockLog can go.
    assertThat(TimerLockLog.entries(server.services())).isGreaterThan(afterThree);
  }

  @Test
  void withTheLogDiscardedTimersStillRunInRealTimeAndNothingIsKept() throws Exception {
    assertThat(TimerLockLog.discardEntries(server.services())).isTrue();

    for (int i = 0; i < 10; i++) {
      long started = System.nanoTime();
      assertThat(runWorkflow("order-" + i)).isEqualTo("order-" + i);
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(NAP);
    }
    assertThat(TimerLockLog.entries(server.services())).isZero();
  }

  private void runWorkflows(int count) {
    for (int i = 0; i < count; i++) {
      runWorkflow("order-" + i);
    }
  }

  private String runWorkflow(String input) {
    return client
        .newWorkflowStub(
            StepThenNap.class,
            WorkflowOptions.newBuilder()
                .setTaskQueue(TASK_QUEUE)
                .setWorkflowId(input + "-" + System.nanoTime())
                .build())
        .run(input);
  }
}
