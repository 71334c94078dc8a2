package dev.lotussaga.delivery.acceptance;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.signals.SignalOutbox;
import java.time.Instant;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Staff acceptance; the order is signalled through the outbox in the same transaction. */
@Component
class Acceptances {

  private final AcceptanceRequestRepository requests;
  private final SignalOutbox outbox;

  Acceptances(AcceptanceRequestRepository requests, SignalOutbox outbox) {
    this.requests = requests;
    this.outbox = outbox;
  }

  /** When the order was accepted, and whether that was by an earlier request. */
  record Acceptance(Instant acceptedAt, boolean earlier) {}

  /**
   * Empty when the order does not wait for acceptance and was never accepted. Accepting it again
   * changes nothing and answers the first acceptance: a staff member's retry after a lost answer is
   * no conflict.
   */
  @Transactional
  Optional<Acceptance> accept(String orderId) {
    return requests
        .findForUpdate(orderId)
        .map(
            request -> {
              if (request.isAccepted()) {
                return new Acceptance(request.acceptedAt(), true);
              }
              request.accept();
              outbox.enqueue(
                  OrderWorkflowIds.workflowId(orderId), OrderWorkflow.SIGNAL_DELIVERY_ACCEPTED);
              return new Acceptance(request.acceptedAt(), false);
            });
  }
}
