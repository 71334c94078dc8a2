package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.billing.BillingActivities;
import dev.lotussaga.contracts.delivery.DeliveryActivities;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.stock.StockActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.activity.LocalActivityOptions;
import io.temporal.common.RetryOptions;
import io.temporal.workflow.Workflow;
import java.time.Duration;

/**
 * Activity stubs of the saga, one per owning service and task queue. Business outcomes ("no money")
 * come back as values; only faults throw. Faults are retried in rounds of a few attempts, after
 * each of which {@link StuckSteps} shows the order stuck and starts the next round: every step is
 * idempotent, and giving up would strand money or stock. Orders started before that retry without
 * limit.
 */
final class SagaSteps {

  private static final RetryOptions RETRY_UNTIL_DONE =
      RetryOptions.newBuilder()
          .setInitialInterval(Duration.ofMillis(500))
          .setBackoffCoefficient(2)
          .setMaximumInterval(Duration.ofSeconds(30))
          .build();

  private final BillingActivities billing;
  private final StockActivities stock;
  private final DeliveryActivities delivery;
  private final OrderEventActivities events;

  /**
   * Publishing an event is short, idempotent and needs nothing but Kafka, so it runs as a local
   * activity inside the workflow task: no task-queue round trip per state change.
   */
  private final OrderEventActivities localEvents =
      Workflow.newLocalActivityStub(
          OrderEventActivities.class,
          LocalActivityOptions.newBuilder()
              .setStartToCloseTimeout(Duration.ofSeconds(10))
              // Unlike a remote activity, a local one without a schedule-to-close timeout is not
              // retried at all when maximum attempts is left at 0 ("unlimited"): one refused
              // publication would undo a delivered order (sdk-java issue 1727; found by
              // ./lotus faults). A finite but unreachable attempt count restores retry-until-done.
              .setRetryOptions(
                  RETRY_UNTIL_DONE.toBuilder().setMaximumAttempts(Integer.MAX_VALUE).build())
              .build());

  /**
   * @param attemptsPerRound maximum attempts of a step before the saga hears of it; 0: no maximum
   */
  SagaSteps(int attemptsPerRound) {
    RetryOptions retry = RETRY_UNTIL_DONE.toBuilder().setMaximumAttempts(attemptsPerRound).build();
    billing = stub(BillingActivities.class, BillingActivities.TASK_QUEUE, retry);
    stock = stub(StockActivities.class, StockActivities.TASK_QUEUE, retry);
    delivery = stub(DeliveryActivities.class, DeliveryActivities.TASK_QUEUE, retry);
    events = stub(OrderEventActivities.class, OrderEventActivities.TASK_QUEUE, RETRY_UNTIL_DONE);
  }

  BillingActivities billing() {
    return billing;
  }

  StockActivities stock() {
    return stock;
  }

  DeliveryActivities delivery() {
    return delivery;
  }

  /** Orders started before {@code OrderWorkflowImpl.LOCAL_EVENTS_CHANGE} keep remote ones. */
  OrderEventActivities events(boolean local) {
    return local ? localEvents : events;
  }

  private static <T> T stub(Class<T> activities, String taskQueue, RetryOptions retry) {
    return Workflow.newActivityStub(
        activities,
        ActivityOptions.newBuilder()
            .setTaskQueue(taskQueue)
            .setStartToCloseTimeout(Duration.ofSeconds(10))
            .setRetryOptions(retry)
            // A cancelled order waits for a running step to finish, so that its compensation
            // (registered before the step) always runs after the step's effect, never before it.
            .setCancellationType(ActivityCancellationType.WAIT_CANCELLATION_COMPLETED)
            .build());
  }
}
