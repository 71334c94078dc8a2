package dev.lotussaga.billing.charge;

import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.StateChange;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.workflow.Workflow;
import java.time.Instant;
import java.util.List;

/** Stands in for the saga in billing's tests: it only waits for the funds signal. */
public class WaitingOrderWorkflow implements OrderWorkflow {

  private boolean funded;

  @Override
  public OrderStatus place(OrderRequest request) {
    Workflow.await(() -> funded);
    return new OrderStatus(OrderState.ValidatingStock, null);
  }

  @Override
  public OrderStatus awaitPayment() {
    return status();
  }

  @Override
  public OrderStatus chooseSlot(Instant slot) {
    return status();
  }

  @Override
  public void validateChooseSlot(Instant slot) {}

  @Override
  public void retryStuck() {}

  @Override
  public StuckStep resolveStuck(StuckResolution resolution) {
    return null;
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
    return status();
  }

  @Override
  public void validateCancel(String reason) {}

  @Override
  public OrderStatus status() {
    return new OrderStatus(OrderState.ValidatingBilling, funded ? null : WaitingFor.FUNDS);
  }

  @Override
  public List<StateChange> history() {
    return List.of();
  }
}
