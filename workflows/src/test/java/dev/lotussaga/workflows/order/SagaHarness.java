package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.withSettings;

import com.uber.m3.tally.RootScopeBuilder;
import com.uber.m3.tally.Scope;
import com.uber.m3.tally.ScopeCloseException;
import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.delivery.DeliveryActivities;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.stock.StockActivities;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.reporter.MicrometerClientStatsReporter;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.TestInfo;

/**
 * The saga on Temporal's time-skipping test environment, with every service mocked and the Kafka
 * publisher replaced by a list, its payloads encrypted as in the services. One per test.
 */
final class SagaHarness implements AutoCloseable {

  final BillingActivities billing = activityMock(BillingActivities.class);
  final StockActivities stock = activityMock(StockActivities.class);
  final DeliveryActivities delivery = activityMock(DeliveryActivities.class);
  final List<OrderEvent> published = new CopyOnWriteArrayList<>();
  final RecordingPublisher publisher = new RecordingPublisher(published);

  /** What the worker's metrics scope reported, flushed every 20 ms. */
  final SimpleMeterRegistry metrics = new SimpleMeterRegistry();

  private final Scope metricsScope =
      new RootScopeBuilder()
          .reporter(new MicrometerClientStatsReporter(metrics))
          .reportEvery(com.uber.m3.util.Duration.ofMillis(20));
  final TestWorkflowEnvironment env =
      TestWorkflowEnvironment.newInstance(
          TestEncryption.options().setMetricsScope(metricsScope).build());
  final WorkflowClient client = env.getWorkflowClient();

  SagaHarness() {
    OrderSearchAttributes.ALL.forEach(
        key -> env.registerSearchAttribute(key.getName(), key.getValueType()));
    Worker saga = env.newWorker(OrderWorkflow.TASK_QUEUE);
    saga.registerWorkflowImplementationTypes(OrderWorkflowImpl.class);
    saga.registerActivitiesImplementations(publisher);
    env.newWorker(BillingActivities.TASK_QUEUE).registerActivitiesImplementations(billing);
    env.newWorker(StockActivities.TASK_QUEUE).registerActivitiesImplementations(stock);
    env.newWorker(DeliveryActivities.TASK_QUEUE).registerActivitiesImplementations(delivery);
    env.start();
  }

  /** Started as the gateway starts orders: with their search attributes. */
  OrderWorkflow newOrder(OrderRequest order) {
    return client.newWorkflowStub(
        OrderWorkflow.class,
        WorkflowOptions.newBuilder()
            .setWorkflowId(OrderWorkflowIds.workflowId(order.orderId()))
            .setTaskQueue(OrderWorkflow.TASK_QUEUE)
            .setTypedSearchAttributes(OrderSearchAttributes.of(order))
            .build());
  }

  OrderWorkflow start(OrderRequest order) {
    OrderWorkflow workflow = newOrder(order);
    WorkflowClient.start(workflow::place, order);
    return workflow;
  }

  /** Waits for the workflow's result; the environment skips time while this blocks. */
  static OrderStatus resultOf(OrderWorkflow order) {
    return WorkflowStub.fromTyped(order).getResult(OrderStatus.class);
  }

  List<NotificationType> notifications() {
    return published.stream().map(OrderEvent::notification).filter(Objects::nonNull).toList();
  }

  OrderEvent lastEvent() {
    return published.get(published.size() - 1);
  }

  void awaitStatus(OrderWorkflow order, OrderStatus expected) {
    awaitCondition(() -> expected.equals(order.status()));
    assertThat(order.status()).isEqualTo(expected);
  }

  /** Polls with a deadline of wall-clock time; the environment skips time only while blocked. */
  static void awaitCondition(Supplier<Boolean> condition) {
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      try {
        Thread.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  void recordHistoryIfAsked(OrderRequest order, TestInfo test) throws IOException {
    RecordedHistories.recordIfAsked(client, OrderWorkflowIds.workflowId(order.orderId()), test);
  }

  @Override
  public void close() {
    env.close();
    try {
      metricsScope.close();
    } catch (ScopeCloseException e) {
      throw new IllegalStateException(e);
    }
  }

  private static <T> T activityMock(Class<T> activities) {
    return mock(activities, withSettings().withoutAnnotations());
  }

  /** Stands in for the Kafka publisher; can be told to fail, as a broker that is down does. */
  static final class RecordingPublisher implements OrderEventActivities {
    private final List<OrderEvent> published;
    private final AtomicInteger failuresLeft = new AtomicInteger();

    RecordingPublisher(List<OrderEvent> published) {
      this.published = published;
    }

    private volatile NotificationType interceptedNotification;
    private volatile Interruption interception;

    void failNext(int publications) {
      failuresLeft.set(publications);
    }

    /** Runs {@code interception} inside the publication of the event with that notification. */
    void whilePublishing(NotificationType notification, Interruption interception) {
      this.interceptedNotification = notification;
      this.interception = interception;
    }

    @Override
    public void publishOrderEvent(OrderEvent event) {
      if (failuresLeft.getAndDecrement() > 0) {
        throw new IllegalStateException("Kafka did not acknowledge " + event.eventId());
      }
      if (interception != null && event.notification() == interceptedNotification) {
        Interruption once = interception;
        interception = null;
        try {
          once.run();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      published.add(event);
    }

    interface Interruption {
      void run() throws InterruptedException;
    }
  }
}
