package dev.lotussaga.workflows.order;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

import com.google.protobuf.ByteString;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.delivery.CourierBooking;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import io.temporal.api.common.v1.Payload;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.history.v1.History;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryRequest;
import io.temporal.api.workflowservice.v1.GetWorkflowExecutionHistoryResponse;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Temporal keeps of an order is ciphertext: its history, read straight over gRPC, holds none
 * of the order's data, while a client with the key (the services, the codec endpoint) reads it all.
 */
class EncryptedHistoryTest {

  private static final String PRICE = "4321.98";
  private static final long BUYER = 918_273_645L;
  private static final OrderRequest ORDER =
      new OrderRequest("o-encrypted-1", BUYER, 3, new BigDecimal(PRICE));
  private static final String NOTE = "leave-it-with-the-neighbour";
  private static final String WORKFLOW_ID = OrderWorkflowIds.workflowId(ORDER.orderId());

  private final SagaHarness saga = new SagaHarness();

  @AfterEach
  void stop() {
    saga.close();
  }

  @Test
  void temporalStoresNoPlainOrderDataYetTheKeyReadsItAll() throws Exception {
    placeOrderThatSucceeds();

    History raw = historyStraightFromTemporal();
    String stored = new String(raw.toByteArray(), ISO_8859_1);
    assertThat(stored)
        .as("the history's bytes as Temporal stores them")
        .contains("binary/encrypted", "encryption-key-id", "recorded-histories")
        .doesNotContain(PRICE, "\"price\"", "\"amount\"", "\"userId\"", "\"orderId\"", NOTE);

    var started = raw.getEvents(0).getWorkflowExecutionStartedEventAttributes();
    assertThat(decrypted(started.getInput().getPayloadsList()))
        .contains("\"orderId\":\"o-encrypted-1\"", "\"userId\":" + BUYER, PRICE);
    assertThat(decrypted(List.of(started.getMemo().getFieldsOrThrow("note")))).contains(NOTE);
    assertThat(decrypted(activityInputs(raw)))
        .as("the charge, among the activities' inputs")
        .contains("\"userId\":" + BUYER + ",\"amount\":" + PRICE);
  }

  @Test
  void anEncryptedHistoryReplaysWithTheKeyAndNotWithoutIt() throws Exception {
    placeOrderThatSucceeds();
    WorkflowExecutionHistory history = saga.client.fetchHistory(WORKFLOW_ID);

    OrderWorkflowReplayTest.replay(history);
    assertThatThrownBy(
            () -> WorkflowReplayer.replayWorkflowExecution(history, OrderWorkflowImpl.class))
        .as("replayed without the key")
        .hasStackTraceContaining("binary/encrypted");
  }

  private void placeOrderThatSucceeds() {
    when(saga.billing.chargeOrder(any())).thenReturn(ChargeOutcome.CHARGED);
    when(saga.stock.reserveStock(any())).thenReturn(ReservationOutcome.RESERVED);
    when(saga.delivery.bookCourier(any()))
        .thenReturn(CourierBooking.booked(7, Instant.parse("2026-12-01T10:00:00Z")));
    OrderWorkflow order =
        saga.client.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(WORKFLOW_ID)
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .setTypedSearchAttributes(OrderSearchAttributes.of(ORDER))
                .setMemo(Map.of("note", NOTE))
                .build());
    assertThat(order.place(ORDER))
        .isEqualTo(new OrderStatus(OrderState.NotifyingSourceSystem, null));
  }

  /** Over gRPC, as the CLI or anyone with access to the server would read it: no data converter. */
  private History historyStraightFromTemporal() {
    History.Builder history = History.newBuilder();
    ByteString page = ByteString.EMPTY;
    do {
      GetWorkflowExecutionHistoryResponse response =
          saga.env
              .getWorkflowServiceStubs()
              .blockingStub()
              .getWorkflowExecutionHistory(
                  GetWorkflowExecutionHistoryRequest.newBuilder()
                      .setNamespace(saga.client.getOptions().getNamespace())
                      .setExecution(WorkflowExecution.newBuilder().setWorkflowId(WORKFLOW_ID))
                      .setNextPageToken(page)
                      .build());
      history.addAllEvents(response.getHistory().getEventsList());
      page = response.getNextPageToken();
    } while (!page.isEmpty());
    return history.build();
  }

  private static List<Payload> activityInputs(History history) {
    return history.getEventsList().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .flatMap(
            event ->
                event
                    .getActivityTaskScheduledEventAttributes()
                    .getInput()
                    .getPayloadsList()
                    .stream())
        .toList();
  }

  private static String decrypted(List<Payload> payloads) {
    ByteArrayOutputStream text = new ByteArrayOutputStream();
    for (Payload payload : TestEncryption.ENCRYPTION.decode(payloads)) {
      text.writeBytes(payload.getData().toByteArray());
      text.write('\n');
    }
    return text.toString(UTF_8);
  }
}
