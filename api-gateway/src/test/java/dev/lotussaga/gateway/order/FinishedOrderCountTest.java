package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Finished orders are counted as they finish, once each, so that the orders-by-state gauge need not
 * read every order when scraped.
 */
@GatewayTest
class FinishedOrderCountTest {

  @Autowired OrderStateLog stateLog;
  @Autowired CustomerOrderRepository orders;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc http;

  @Test
  void anOrderIsCountedOnceWhenItFinishesWhateverArrivesAfter() throws Exception {
    long delivered = counted(OrderState.NotifyingSourceSystem);
    long cancelled = counted(OrderState.Cancelled);
    CustomerOrder order = newOrder();
    Instant start = order.createdAt();

    stateLog.record(event(order, "1", OrderState.ValidatingStock, start.plusMillis(10)));
    assertThat(counted(OrderState.NotifyingSourceSystem)).isEqualTo(delivered);
    stateLog.record(event(order, "2", OrderState.NotifyingSourceSystem, start.plusMillis(20)));
    stateLog.record(event(order, "r2-2", OrderState.NotifyingSourceSystem, start.plusMillis(30)));
    stateLog.record(event(order, "late", OrderState.ValidatingDelivery, start.plusMillis(15)));
    stateLog.record(event(order, "2", OrderState.NotifyingSourceSystem, start.plusMillis(20)));

    assertThat(counted(OrderState.NotifyingSourceSystem)).isEqualTo(delivered + 1);
    assertThat(counted(OrderState.Cancelled)).isEqualTo(cancelled);

    CustomerOrder cancelledAtOnce = newOrder();
    stateLog.record(
        event(
            cancelledAtOnce, "1", OrderState.Cancelled, cancelledAtOnce.createdAt().plusMillis(5)));
    assertThat(counted(OrderState.Cancelled)).isEqualTo(cancelled + 1);
  }

  private CustomerOrder newOrder() throws Exception {
    return orders.saveAndFlush(
        new CustomerOrder(
            UUID.randomUUID().toString(),
            Users.newUser(http).id(),
            1,
            new BigDecimal("100.00"),
            null,
            WaitLimits.DEFAULT,
            null));
  }

  private static OrderEvent event(
      CustomerOrder order, String sequence, OrderState state, Instant at) {
    return new OrderEvent(
        order.orderId() + "-" + sequence,
        order.orderId(),
        order.userId(),
        state,
        null,
        null,
        state.name(),
        at);
  }

  private long counted(OrderState state) {
    return jdbc.queryForObject(
        "select coalesce(sum(orders), 0) from finished_order_count where status = ?",
        Long.class,
        state.name());
  }
}
