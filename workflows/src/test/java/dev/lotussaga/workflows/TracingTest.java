package dev.lotussaga.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.billing.ChargeOrder;
import dev.lotussaga.contracts.billing.ChargeOutcome;
import dev.lotussaga.contracts.billing.RefundOrder;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.spring.boot.ActivityImpl;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.KafkaTestUtils;
import org.springframework.test.context.ActiveProfiles;

/**
 * With tracing on, one trace follows an order from its caller through the workflow and its
 * activities into the Kafka record of its event. The caller stands in for the gateway's request;
 * billing answers "no money" so that the saga publishes an event and waits.
 */
@SpringBootTest(
    properties = {
      "management.tracing.enabled=true",
      "spring.kafka.template.observation-enabled=true",
      // No collector here: the spans go to the in-memory exporter below, every 50 ms.
      "management.otlp.tracing.export.enabled=false",
      "management.tracing.opentelemetry.export.schedule-delay=50ms",
      "spring.temporal.workers[0].task-queue=" + OrderWorkflow.TASK_QUEUE,
      "spring.temporal.workers[1].task-queue=" + BillingActivities.TASK_QUEUE,
      // Tracing's interceptors must work beside the faults suite's (which inject nothing here).
      "lotus.faults.enabled=true"
    })
@ActiveProfiles("test")
// Spring Boot switches tracing off in tests unless asked to leave it to the configuration.
@AutoConfigureObservability(metrics = false)
@EmbeddedKafka(kraft = true, partitions = 3, topics = OrderEventActivities.TOPIC)
class TracingTest {

  @Autowired WorkflowClient workflows;
  @Autowired Tracer tracer;
  @Autowired InMemorySpanExporter exported;
  @Autowired EmbeddedKafkaBroker broker;

  @Test
  void oneTraceRunsFromTheCallerThroughWorkflowAndActivitiesIntoTheKafkaRecord() throws Exception {
    String orderId = UUID.randomUUID().toString();
    OrderWorkflow order =
        workflows.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderWorkflowIds.workflowId(orderId))
                .setTaskQueue(OrderWorkflow.TASK_QUEUE)
                .build());

    Span caller = tracer.nextSpan().name("caller").start();
    try (Tracer.SpanInScope inScope = tracer.withSpan(caller)) {
      WorkflowClient.start(order::place, new OrderRequest(orderId, 42L, 1, BigDecimal.TEN));
    } finally {
      caller.end();
    }
    String traceId = caller.context().traceId();

    ConsumerRecord<String, String> event = firstEventOf(orderId);
    Header traceparent = event.headers().lastHeader("traceparent");
    assertThat(traceparent).as("traceparent header of the event record").isNotNull();
    assertThat(new String(traceparent.value(), StandardCharsets.UTF_8))
        .startsWith("00-" + traceId + "-");

    // The run of the workflow is recorded when it ends: cancel the order (a trace of its own).
    order.cancel("the test is over");
    assertThat(WorkflowStub.fromTyped(order).getResult(10, TimeUnit.SECONDS, OrderStatus.class))
        .extracting(OrderStatus::state)
        .isEqualTo(OrderState.Cancelled);

    List<String> expected =
        List.of(
            "caller",
            "StartWorkflow:OrderWorkflow",
            "RunWorkflow:OrderWorkflow",
            "StartActivity:ChargeOrder",
            "RunActivity:ChargeOrder",
            "StartActivity:PublishOrderEvent",
            "RunActivity:PublishOrderEvent",
            OrderEventActivities.TOPIC + " send");
    assertThat(spanNamesOfTrace(traceId, expected)).containsAll(expected);
  }

  private ConsumerRecord<String, String> firstEventOf(String orderId) {
    Map<String, Object> props = KafkaTestUtils.consumerProps("tracing-test", "true", broker);
    try (Consumer<String, String> consumer =
        new DefaultKafkaConsumerFactory<>(props, new StringDeserializer(), new StringDeserializer())
            .createConsumer()) {
      broker.consumeFromAnEmbeddedTopic(consumer, OrderEventActivities.TOPIC);
      long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
      while (System.nanoTime() < deadline) {
        for (ConsumerRecord<String, String> record :
            KafkaTestUtils.getRecords(consumer, Duration.ofMillis(500))) {
          if (orderId.equals(record.key())) {
            return record;
          }
        }
      }
    }
    throw new AssertionError("no event of order " + orderId + " within 20 s");
  }

  /** Names of the exported spans of the trace, once all those expected arrived or after 10 s. */
  private List<String> spanNamesOfTrace(String traceId, List<String> expected)
      throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<String> names = List.of();
    while (!names.containsAll(expected) && System.nanoTime() < deadline) {
      Thread.sleep(50);
      names =
          exported.getFinishedSpanItems().stream()
              .filter(span -> span.getTraceId().equals(traceId))
              .map(SpanData::getName)
              .toList();
    }
    return names;
  }

  @TestConfiguration
  static class Collector {

    @Bean
    InMemorySpanExporter inMemorySpanExporter() {
      return InMemorySpanExporter.create();
    }

    @Bean
    NoMoney billing() {
      return new NoMoney();
    }
  }

  /** Billing of a buyer without money: the saga publishes PAYMENT_FAILED and waits for funds. */
  @ActivityImpl(taskQueues = BillingActivities.TASK_QUEUE)
  static class NoMoney implements BillingActivities {

    @Override
    public ChargeOutcome chargeOrder(ChargeOrder command) {
      return ChargeOutcome.INSUFFICIENT_FUNDS;
    }

    @Override
    public void refundOrder(RefundOrder command) {}
  }
}
