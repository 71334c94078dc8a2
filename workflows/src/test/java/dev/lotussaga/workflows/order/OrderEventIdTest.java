package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import org.junit.jupiter.api.Test;

class OrderEventIdTest {

  static final OrderStatus WAITING_FOR_COURIER =
      new OrderStatus(OrderState.ValidatingDelivery, WaitingFor.COURIER);
  static final OrderStatus CANCELLED = new OrderStatus(OrderState.Cancelled, null);

  @Test
  void theSameEventGetsTheSameIdInEveryJvm() {
    // Fixed here so that a change of the fingerprint, which would make consumers take a retried
    // publication for a new event, fails this test.
    assertThat(OrderJournal.eventId("o-1-", 2, WAITING_FOR_COURIER, null, "No courier free"))
        .isEqualTo("o-1-2-374f30cd");
    assertThat(OrderJournal.eventId("o-1-", 2, WAITING_FOR_COURIER, null, "No courier free"))
        .isEqualTo(OrderJournal.eventId("o-1-", 2, WAITING_FOR_COURIER, null, "No courier free"));
  }

  @Test
  void anotherEventUnderTheSameNumberGetsAnotherId() {
    String abandoned = OrderJournal.eventId("o-1-", 2, WAITING_FOR_COURIER, null, "No courier");
    String taken =
        OrderJournal.eventId(
            "o-1-", 2, CANCELLED, NotificationType.ORDER_CANCELLED, "Order cancelled");

    assertThat(abandoned).startsWith("o-1-2-").isNotEqualTo(taken);
    assertThat(taken).startsWith("o-1-2-");
  }

  @Test
  void theNotificationAndTheMessageArePartOfTheEvent() {
    String plain = OrderJournal.eventId("o-1-", 4, CANCELLED, null, "Order cancelled");

    assertThat(
            OrderJournal.eventId(
                "o-1-", 4, CANCELLED, NotificationType.ORDER_CANCELLED, "Order cancelled"))
        .isNotEqualTo(plain);
    assertThat(OrderJournal.eventId("o-1-", 4, CANCELLED, null, "Order cancelled: late"))
        .isNotEqualTo(plain);
  }
}
