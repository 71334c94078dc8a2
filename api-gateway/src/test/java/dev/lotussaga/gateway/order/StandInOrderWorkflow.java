package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.FailureTypes;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.failure.ApplicationFailure;
import io.temporal.workflow.DynamicQueryHandler;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/**
 * Stands in for the saga in the gateway's tests: it waits for funds or a cancel, and answers
 * queries.
 */
public class StandInOrderWorkflow implements OrderWorkflow {

  /** The stand-in's own query: the delivery slot it was started with or last told. */
  static final String DELIVERY_SLOT_QUERY = "standInDeliverySlot";

  private final OrderStatus waiting =
      new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS);
  private boolean funded;
  private boolean cancelled;
  private Instant deliverySlot;

  @Override
  public OrderStatus place(OrderRequest request) {
    deliverySlot = request.deliverySlot();
    Workflow.registerListener(
        (DynamicQueryHandler)
            (queryType, args) -> {
              if (!DELIVERY_SLOT_QUERY.equals(queryType)) {
                throw new IllegalArgumentException("Unknown query " + queryType);
              }
              return deliverySlot;
            });
    Workflow.await(() -> funded || cancelled);
    return new OrderStatus(OrderState.ValidatingStock, null);
  }

  /** The stand-in tries no charge: it answers at once that it waits for funds (or is cancelled). */
  @Override
  public OrderStatus awaitPayment() {
    return status();
  }

  @Override
  public OrderStatus chooseSlot(Instant slot) {
    deliverySlot = slot;
    return status();
  }

  /** As the saga refuses it for a cancelled order. */
  @Override
  public void validateChooseSlot(Instant slot) {
    if (cancelled) {
      throw ApplicationFailure.newNonRetryableFailure(
          "The order is cancelled", FailureTypes.SLOT_NOT_CHANGEABLE);
    }
  }

  @Override
  public void retryStuck() {}

  /** As the saga answers a resolution of a stuck refund. */
  @Override
  public StuckStep resolveStuck(StuckResolution resolution) {
    return new StuckStep(
        "refund", 1, "stand-in", Instant.ofEpochMilli(Workflow.currentTimeMillis()), true);
  }

  @Override
  public void validateResolveStuck(StuckResolution resolution) {}

  @Override
  public void fundsAdded() {
    funded = true;
  }

  @Override
  public void stockAdded() {}

  @Override
  public void deliveryAccepted() {}

  @Override
  public OrderStatus cancel(String reason) {
    cancelled = true;
    return status();
  }

  @Override
  public void validateCancel(String reason) {}

  @Override
  public OrderStatus status() {
    return cancelled ? new OrderStatus(OrderState.Cancelled, null) : waiting;
  }

  /** Like the saga's, it ends with the current status. */
  @Override
  public List<StateChange> history() {
    Instant now = Instant.ofEpochMilli(Workflow.currentTimeMillis());
    StateChange placed = new StateChange(waiting.state(), waiting.waitingFor(), now);
    return cancelled
        ? List.of(placed, new StateChange(OrderState.Cancelled, null, now))
        : List.of(placed);
  }
}
