package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderSearchAttributes;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.observability.OrderLogContext;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.enums.v1.WorkflowIdConflictPolicy;
import io.temporal.api.enums.v1.WorkflowIdReusePolicy;
import io.temporal.client.UpdateOptions;
import io.temporal.client.WithStartWorkflowOperation;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowExecutionAlreadyStarted;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowServiceException;
import io.temporal.client.WorkflowUpdateHandle;
import io.temporal.client.WorkflowUpdateStage;
import jakarta.annotation.PreDestroy;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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

  /**
   * Sends the payment updates, so that a request waits no longer than it asked for even while
   * Temporal does not answer; a call still running then goes on and starts the workflow.
   */
  private final ExecutorService paymentCalls =
      Executors.newFixedThreadPool(
          16,
          runnable -> {
            Thread thread = new Thread(runnable, "payment-update");
            thread.setDaemon(true);
            return thread;
          });

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
   * Starts the workflow together with its {@code awaitPayment} update (update-with-start) and waits
   * at most {@code wait} for the update's answer. An order started before (a retried request) gets
   * the update again under the same id, so the same answer; nothing new starts. Empty when there is
   * no answer in time, or the update could not be sent: the order then goes on as any other (a
   * workflow not started yet is started by the retry below).
   */
  Optional<OrderStatus> startAwaitingPayment(CustomerOrder order, String updateId, Duration wait) {
    CompletableFuture<OrderStatus> payment =
        CompletableFuture.supplyAsync(() -> startWithPaymentUpdate(order, updateId), paymentCalls)
            .thenCompose(WorkflowUpdateHandle::getResultAsync);
    try {
      return Optional.of(payment.get(wait.toMillis(), TimeUnit.MILLISECONDS));
    } catch (TimeoutException notYet) {
      return Optional.empty();
    } catch (ExecutionException failed) {
      try (OrderLogContext context = OrderLogContext.of(order.orderId())) {
        log.info("No payment answer for the order: {}", failed.getCause().toString());
      }
      return Optional.empty();
    } catch (InterruptedException interrupted) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private WorkflowUpdateHandle<OrderStatus> startWithPaymentUpdate(
      CustomerOrder order, String updateId) {
    try (OrderLogContext context = OrderLogContext.of(order.orderId())) {
      OrderRequest request = request(order, firstRun(order));
      OrderWorkflow workflow =
          workflows.newWorkflowStub(
              OrderWorkflow.class,
              options(
                      request,
                      WorkflowIdReusePolicy.WORKFLOW_ID_REUSE_POLICY_REJECT_DUPLICATE,
                      searchAttributes)
                  .setWorkflowIdConflictPolicy(
                      WorkflowIdConflictPolicy.WORKFLOW_ID_CONFLICT_POLICY_USE_EXISTING)
                  .build());
      WorkflowUpdateHandle<OrderStatus> handle =
          WorkflowClient.startUpdateWithStart(
              workflow::awaitPayment,
              UpdateOptions.<OrderStatus>newBuilder()
                  .setUpdateId(updateId)
                  .setWaitForStage(WorkflowUpdateStage.ACCEPTED)
                  .build(),
              new WithStartWorkflowOperation<>(workflow::place, request));
      orders.markWorkflowStarted(order.orderId());
      return handle;
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
        stuckAfterAttempts,
        order.deliverySlot());
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
    return workflows.newWorkflowStub(
        OrderWorkflow.class, options(request, reuse, withSearchAttributes).build());
  }

  private static WorkflowOptions.Builder options(
      OrderRequest request, WorkflowIdReusePolicy reuse, boolean withSearchAttributes) {
    WorkflowOptions.Builder options =
        WorkflowOptions.newBuilder()
            .setWorkflowId(OrderWorkflowIds.workflowId(request.orderId()))
            .setTaskQueue(OrderWorkflow.TASK_QUEUE)
            .setWorkflowIdReusePolicy(reuse);
    if (withSearchAttributes) {
      options.setTypedSearchAttributes(OrderSearchAttributes.of(request));
    }
    return options;
  }

  private static boolean unknownSearchAttributes(WorkflowServiceException e) {
    return e.getCause() instanceof StatusRuntimeException status
        && status.getStatus().getCode() == Status.Code.INVALID_ARGUMENT
        && String.valueOf(status.getStatus().getDescription())
            .toLowerCase(Locale.ROOT)
            .contains("search attribute");
  }

  @PreDestroy
  void stopPaymentCalls() {
    paymentCalls.shutdownNow();
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
