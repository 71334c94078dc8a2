package dev.lotussaga.faults;

import static dev.lotussaga.faults.OrderEventsTest.event;
import static dev.lotussaga.faults.OrderEventsTest.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EventChecksTest {

  private static final OrderStatus IN_STOCK_STEP =
      new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK);

  /** First run: paid, then waits for stock; lost; the re-driven run is paid again and waits. */
  private static final OrderEvents REDRIVEN =
      events(
          event(1, 1, "ValidatingBilling", "PAYMENT_FAILED"),
          event(1, 2, "ValidatingStock", "ORDER_PAID"),
          event(1, 3, "ValidatingStock"),
          event(2, 1, "ValidatingBilling", "PAYMENT_FAILED"),
          event(2, 2, "ValidatingStock", "ORDER_PAID"),
          waiting(event(2, 3, "ValidatingStock")));

  private final Verdict verdict = new Verdict();

  @Test
  void aRedrivenRunsRepeatedNotificationIsStoredOnceAndEachPaymentFailureOnce() {
    check(
        Map.of(id("-1"), "PAYMENT_FAILED", id("-r2-1"), "PAYMENT_FAILED", id("-2"), "ORDER_PAID"));

    assertThat(verdict.violations()).isEmpty();
  }

  @Test
  void theRepeatedNotificationStoredTwiceIsAViolation() {
    check(
        Map.of(
            id("-1"), "PAYMENT_FAILED",
            id("-r2-1"), "PAYMENT_FAILED",
            id("-2"), "ORDER_PAID",
            id("-r2-2"), "ORDER_PAID"));

    assertThat(verdict.violations()).singleElement().asString().startsWith(EventChecks.NOTIFIED);
  }

  @Test
  void aPaymentFailureOfTheRedrivenRunThatWasNotStoredIsAViolation() {
    check(Map.of(id("-1"), "PAYMENT_FAILED", id("-r2-2"), "ORDER_PAID"));

    assertThat(verdict.violations()).singleElement().asString().startsWith(EventChecks.NOTIFIED);
  }

  @Test
  void theCurrentStateMustBeTheLastEventOfTheHighestGeneration() {
    new EventChecks()
        .check(
            verdict,
            "order",
            new OrderStatus(OrderState.ValidatingStock, null),
            REDRIVEN,
            Map.of(
                id("-1"), "PAYMENT_FAILED", id("-r2-1"), "PAYMENT_FAILED", id("-2"), "ORDER_PAID"));

    assertThat(verdict.violations()).singleElement().asString().startsWith(EventChecks.PUBLISHED);
  }

  private void check(Map<String, String> stored) {
    new EventChecks().check(verdict, "order", IN_STOCK_STEP, REDRIVEN, stored);
  }

  private static String id(String suffix) {
    return OrderEventsTest.ORDER + suffix;
  }

  private static OrderEvents.Event waiting(OrderEvents.Event event) {
    return new OrderEvents.Event(
        event.eventId(), event.generation(), event.sequence(), event.state(), "STOCK", null);
  }
}
