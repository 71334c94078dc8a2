package dev.lotussaga.observability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.order.OrderWorkflowIds;
import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityOptions;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.RetryOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.workflow.Workflow;
import io.temporal.workflow.WorkflowInterface;
import io.temporal.workflow.WorkflowMethod;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

class OrderLogContextTest {

  @AfterEach
  void clearContext() {
    MDC.clear();
  }

  @Test
  void namesTheOrderAndItsWorkflowUntilClosedThenRestoresTheOuterOrder() {
    try (OrderLogContext outer = OrderLogContext.of("o-1")) {
      try (OrderLogContext inner = OrderLogContext.of("o-2")) {
        assertThat(MDC.get(OrderLogContext.ORDER_ID)).isEqualTo("o-2");
        assertThat(MDC.get(OrderLogContext.WORKFLOW_ID))
            .isEqualTo(OrderWorkflowIds.workflowId("o-2"));
      }
      assertThat(MDC.get(OrderLogContext.ORDER_ID)).isEqualTo("o-1");
      assertThat(MDC.get(OrderLogContext.WORKFLOW_ID))
          .isEqualTo(OrderWorkflowIds.workflowId("o-1"));
    }
    assertThat(MDC.get(OrderLogContext.ORDER_ID)).isNull();
    assertThat(MDC.get(OrderLogContext.WORKFLOW_ID)).isNull();
  }

  @Test
  void withoutAnOrderIdChangesNothing() {
    MDC.put(OrderLogContext.ORDER_ID, "o-9");
    try (OrderLogContext none = OrderLogContext.of(" ")) {
      assertThat(MDC.get(OrderLogContext.ORDER_ID)).isEqualTo("o-9");
    }
    assertThat(MDC.get(OrderLogContext.ORDER_ID)).isEqualTo("o-9");
  }

  @Test
  void anActivityOfAnOrderWorkflowLogsWithThatOrdersIds() {
    try (TestWorkflowEnvironment env =
        TestWorkflowEnvironment.newInstance(
            TestEnvironmentOptions.newBuilder()
                .setWorkerFactoryOptions(
                    WorkerFactoryOptions.newBuilder()
                        .setWorkerInterceptors(new ActivityLogContext())
                        .build())
                .build())) {
      Worker worker = env.newWorker("log-context");
      worker.registerWorkflowImplementationTypes(AskingWorkflowImpl.class);
      worker.registerActivitiesImplementations(new ContextReader());
      env.start();

      Asking order = start(env.getWorkflowClient(), OrderWorkflowIds.workflowId("o-42"));
      Asking other = start(env.getWorkflowClient(), "not-an-order");

      assertThat(order.ask()).isEqualTo("o-42 " + OrderWorkflowIds.workflowId("o-42"));
      assertThat(other.ask()).isEqualTo("null null");
    }
  }

  private static Asking start(WorkflowClient client, String workflowId) {
    return client.newWorkflowStub(
        Asking.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(workflowId)
            .setTaskQueue("log-context")
            .setWorkflowExecutionTimeout(Duration.ofSeconds(30))
            .build());
  }

  @WorkflowInterface
  public interface Asking {
    @WorkflowMethod
    String ask();
  }

  public static class AskingWorkflowImpl implements Asking {
    private final LogContextActivity activity =
        Workflow.newActivityStub(
            LogContextActivity.class,
            ActivityOptions.newBuilder()
                .setStartToCloseTimeout(Duration.ofSeconds(10))
                .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build())
                .build());

    @Override
    public String ask() {
      return activity.context();
    }
  }

  @ActivityInterface
  public interface LogContextActivity {
    String context();
  }

  public static class ContextReader implements LogContextActivity {
    @Override
    public String context() {
      return MDC.get(OrderLogContext.ORDER_ID) + " " + MDC.get(OrderLogContext.WORKFLOW_ID);
    }
  }
}
