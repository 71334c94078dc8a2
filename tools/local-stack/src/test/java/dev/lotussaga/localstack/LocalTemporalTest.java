package dev.lotussaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.order.OrderSearchAttributes;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.StartWorkflowExecutionRequest;
import io.temporal.api.workflowservice.v1.WorkflowServiceGrpc;
import io.temporal.common.SearchAttributes;
import io.temporal.internal.common.SearchAttributesUtil;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LocalTemporalTest {

  @Test
  void theFirstStartThatReachesThePortMayCarryTheOrderSearchAttributes() throws Exception {
    int port = LoopbackPorts.free();
    // knocks from before the server starts, on a new connection each time, so that its first
    // start arrives as soon as the port opens
    CompletableFuture<Status.Code> firstAnswer =
        CompletableFuture.supplyAsync(() -> firstAnswerToAStart(port));
    try (LocalTemporal temporal = LocalTemporal.start(port)) {
      assertThat(firstAnswer.get(30, TimeUnit.SECONDS)).isEqualTo(Status.Code.OK);
    }
  }

  private static Status.Code firstAnswerToAStart(int port) {
    StartWorkflowExecutionRequest start =
        StartWorkflowExecutionRequest.newBuilder()
            .setNamespace("default")
            .setWorkflowId("order-" + UUID.randomUUID())
            .setRequestId(UUID.randomUUID().toString())
            .setWorkflowType(WorkflowType.newBuilder().setName("AnyOrder"))
            .setTaskQueue(TaskQueue.newBuilder().setName("nobody-polls"))
            .setSearchAttributes(
                SearchAttributesUtil.encodeTyped(
                    SearchAttributes.newBuilder()
                        .set(OrderSearchAttributes.STATUS, "ValidatingBilling")
                        .build()))
            .build();
    long deadline = System.nanoTime() + Duration.ofSeconds(25).toNanos();
    while (System.nanoTime() < deadline) {
      ManagedChannel channel =
          Grpc.newChannelBuilder("127.0.0.1:" + port, InsecureChannelCredentials.create()).build();
      try {
        WorkflowServiceGrpc.newBlockingStub(channel)
            .withDeadlineAfter(2, TimeUnit.SECONDS)
            .startWorkflowExecution(start);
        return Status.Code.OK;
      } catch (StatusRuntimeException refused) {
        if (refused.getStatus().getCode() != Status.Code.UNAVAILABLE) {
          return refused.getStatus().getCode();
        }
      } finally {
        channel.shutdownNow();
      }
    }
    return Status.Code.DEADLINE_EXCEEDED;
  }
}
