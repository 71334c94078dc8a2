package dev.lotussaga.observability.kafka;

import dev.lotussaga.contracts.events.OrderEvent;
import org.springframework.validation.Errors;
import org.springframework.validation.Validator;

/**
 * Refuses an order event that misses what its consumers need: the event id (to drop a redelivery),
 * the order id, the buyer, the state and when it happened. Each consumer names it in {@code
 * spring.deserializer.validator.class}, so that such an event fails as unreadable bytes do, in the
 * {@code ErrorHandlingDeserializer}, which keeps its original bytes for the dead-letter topic;
 * retrying it could never help.
 */
public class OrderEventValidator implements Validator {

  @Override
  public boolean supports(Class<?> type) {
    return OrderEvent.class.isAssignableFrom(type);
  }

  @Override
  public void validate(Object target, Errors errors) {
    OrderEvent event = (OrderEvent) target;
    require(errors, "eventId", event.eventId() != null && !event.eventId().isBlank());
    require(errors, "orderId", event.orderId() != null && !event.orderId().isBlank());
    require(errors, "userId", event.userId() > 0);
    require(errors, "state", event.state() != null);
    require(errors, "occurredAt", event.occurredAt() != null);
  }

  private static void require(Errors errors, String field, boolean present) {
    if (!present) {
      errors.reject("required", "order event without " + field);
    }
  }
}
