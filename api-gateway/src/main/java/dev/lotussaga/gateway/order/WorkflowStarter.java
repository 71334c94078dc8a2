package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.observability.OrderLogContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Starts the workflow of a stored order. The order row is committed first; if Temporal is
 * unreachable at that moment the order stays marked "not started" and is started by the retry
 * below, so an accepted order is never lost. Starting twice is harmless: the workflow id is the
 * order id, and a first run is refused while any run of that id exists. Only a re-drive ({@link
 * OrderRedrive}) starts another run, allowed once the last one was terminated, failed or timed out.
 */
@Component
class WorkflowStarter {

  private static final Logger log = LoggerFactory.getLogger(WorkflowStarter.class);
  private static final Duration GRACE = Duration.ofSeconds(5);

  private final WorkflowClient workflows;
  private final CustomerOrderRepository orders;
  private final WaitLimits waitLimits;
  private final int stuckAfterAttempts;
  private volatile boolean searchAttributes;

  WorkflowStarter(
      WorkflowClient workflows, CustomerOrderRepository orders, OrderProperties properties) {
    this.workflows = workflows;
    this.orders = orders;
    this.waitLimits = properties.waitLimits().toWaitLimits();
    this.stuckAfterAttempts = properties.stuckAfterAttempts();
    this.searchAttributes = properties.searchAttributes();
  }

  boolean start(CustomerOrder order) {
    try (OrderLogContext context = OrderLogContext.of(order.orderId())) {
      return startWorkflow(order);
    }
  }

  /**
   * Starts the run of a re-driven order under the same workflow id.
   *
   * @throws WorkflowExecutionAlreadyStarted when a run is going already (someone re-drove it first)
   */
  void startRedriven(CustomerOrder order, Resumption resumption) {
    try (OrderLogContext context = OrderLogContext.of(order.orderId())) {
      startSearchable(
          request(order, resumption),
          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_ALLOW_DUPLICATE_FAILED_ONLY);
      log.info("Workflow re-driven: run generation {}", resumption.generation());
    }
  }

  /** A first run: nothing to carry over but a cancel accepted before it could start. */
  private static Resumption firstRun(CustomerOrder order) {
    return order.cancelRequested() ? new Resumption(1, Map.of(), order.cancelReason()) : null;
  }

  private OrderRequest request(CustomerOrder order, Resumption resumption) {
    return new OrderRequest(
        order.orderId(),
        order.userId(),
        order.productId(),
        order.price(),
        order.waitLimits(waitLimits),
        resumption,
        stuckAfterAttempts);
  }

  private boolean startWorkflow(CustomerOrder order) {
    try {
      startSearchable(
          request(order, firstRun(order)),
          WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE);
      log.info("Workflow started: product {} for {}", order.productId(), order.price());
    } catch (WorkflowExecutionAlreadyStarted startedBefore) {
      log.debug("The workflow was started before");
    } catch (RuntimeException e) {
      log.warn("Could not start the workflow yet: {}", e.toString());
      return false;
    }
    orders.markWorkflowStarted(order.orderId());
    return true;
  }

  /**
   * With the order search attributes while Temporal takes them. A server that does not know them
   * refuses the start; from then on orders start without them (their memo still tells their state)
   * rather than not at all.
   */
  private void startSearchable(OrderRequest request, WorkflowIdReusePolicy reuse) {
    if (searchAttributes) {
      try {
        WorkflowClient.start(newWorkflow(request, reuse, true)::place, request);
        return;
      } catch (WorkflowServiceException e) {
        if (!unknownSearchAttributes(e)) {
          throw e;
        }
        searchAttributes = false;
        log.warn(
            "Temporal does not know the order search attributes; orders start without them until"
                + " they are registered and the gateway restarted (docs/saga.md: Finding orders in"
                + " Temporal): {}",
            e.getCause() == null ? e.toString() : e.getCause().getMessage());
      }
    }
    WorkflowClient.start(newWorkflow(request, reuse, false)::place, request);
  }

  private OrderWorkflow newWorkflow(
      OrderRequest request, WorkflowIdReusePolicy reuse, boolean withSearchAttributes) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(OrderWorkflowIds.workflowId(request.orderId()))
            .setTaskQueue(OrderWorkflow.TASK_QUEUE)
            .setWorkflowIdReusePolicy(reuse);
    if (withSearchAttributes) {
      options.setTypedSearchAttributes(OrderSearchAttributes.of(request));
    }
    return workflows.newWorkflowStub(OrderWorkflow.class, options.build());
  }

  private static boolean unknownSearchAttributes(WorkflowServiceException e) {
    return e.getCause() instanceof StatusRuntimeException status
        && status.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
        && String.valueOf(status.getStatus().getDescription())
            .toLowerCase(Locale.ROOT)
            .contains("search attribute");
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
