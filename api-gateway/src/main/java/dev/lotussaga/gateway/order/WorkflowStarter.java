package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSaga;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.WaitLimits;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow of a stored order. The order row is committed first; if Temporal is
 * unreachable at that moment the order stays marked "not started" and is started by the retry
 * below, so an accepted order is never lost. Starting twice is harmless: the workflow id is the
 * order id.
 */
@Component
class WorkflowStarter {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStarter.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final WorkflowClient workflows;
  private final CustomerOrderRepository orders;
  private final WaitLimits waitLimits;

  WorkflowStarter(
      WorkflowClient workflows, CustomerOrderRepository orders, OrderProperties properties) {
    this.workflows = workflows;
    this.orders = orders;
    this.waitLimits = properties.waitLimits().toWaitLimits();
  }

  boolean start(CustomerOrder order) {
    OrderWorkflow workflow =
        workflows.newWorkflowStub(
            OrderWorkflow.class,
            WorkflowOptions.newBuilder()
                .setWorkflowId(OrderSaga.workflowId(order.orderId()))
                .setTaskQueue(OrderSaga.TASK_QUEUE)
                .setWorkflowIdReusePolicy(
                    WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE)
                .build());
    try {
      WorkflowClient.start(
          workflow::place,
          new OrderRequest(
              order.orderId(), order.userId(), order.productId(), order.price(), waitLimits));
    } catch (WorkflowExecutionAlreadyStarted startedBefore) {
      log.debug("Workflow of order {} was started before", order.orderId());
    } catch (RuntimeException e) {
      log.warn("Could not start the workflow of order {} yet: {}", order.orderId(), e.toString());
      return false;
    }
    orders.markWorkflowStarted(order.orderId());
    return true;
  }

  @Scheduled(
      fixedDelayString = "${lotus.orders.start-retry-interval:5s}",
      initialDelayString = "${lotus.orders.start-retry-interval:5s}")
  void startOrdersNotYetStarted() {
    orders
        .findTop100ByWorkflowStartedFalseAndCreatedAtBeforeOrderByCreatedAt(
            Instant.now().minus(GRACE))
        .forEach(this::start);
  }
}
