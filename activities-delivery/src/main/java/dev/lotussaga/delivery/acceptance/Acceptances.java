package dev.lotussaga.delivery.acceptance;

import dev.lotussaga.contracts.order.OrderSaga;
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

  /** Empty when the order does not wait for acceptance (unknown, or accepted already). */
  @Transactional
  Optional<Instant> accept(String orderId) {
    return requests
        .findForUpdate(orderId)
        .filter(request -> !request.isAccepted())
        .map(
            request -> {
              request.accept();
              outbox.enqueue(OrderSaga.workflowId(orderId), OrderSaga.SIGNAL_DELIVERY_ACCEPTED);
              return request.acceptedAt();
            });
  }
}
