package dev.lotussaga.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import org.junit.jupiter.api.Test;

class SettlingTest {

  static final OrderStatus WAITING_FOR_FUNDS =
      new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS);
  static final OrderStatus HANDED_OVER = new OrderStatus(OrderState.NotifyingSourceSystem, null);

  @Test
  void anOrderWaitingInARunningWorkflowWithNothingPendingIsAtRest() {
    assertThat(Settling.whyNotAtRest(running(0), WAITING_FOR_FUNDS)).isEmpty();
  }

  /**
   * A charge woken by a top-up that fails while PostgreSQL is down waits up to 30 s for its next
   * attempt, and the order shows the wait it came from all along (the poison round once settled
   * there, and the checks then watched three orders pay mid-check).
   */
  @Test
  void anOrderWhoseStepWaitsToBeRetriedIsNotAtRestWhateverItsStatusSays() {
    assertThat(Settling.whyNotAtRest(running(1), WAITING_FOR_FUNDS))
        .hasValueSatisfying(
            why -> assertThat(why).contains("1 activities running or due to retry"));
  }

  @Test
  void aClosedWorkflowOfAnUnfinishedOrderIsNotAtRestUntilReDriven() {
    var terminated =
        new Workflows.Execution(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_TERMINATED, 0);
    assertThat(Settling.whyNotAtRest(terminated, WAITING_FOR_FUNDS))
        .hasValueSatisfying(why -> assertThat(why).contains("not re-driven yet"));
  }

  @Test
  void aCompletedOrderIsAtRest() {
    var completed = new Workflows.Execution(Workflows.COMPLETED, 0);
    assertThat(Settling.whyNotAtRest(completed, HANDED_OVER)).isEmpty();
  }

  private static Workflows.Execution running(int pendingActivities) {
    return new Workflows.Execution(Workflows.RUNNING, pendingActivities);
  }
}
