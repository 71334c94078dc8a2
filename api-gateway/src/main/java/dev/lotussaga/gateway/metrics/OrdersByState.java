package dev.lotussaga.gateway.metrics;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitingFor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code lotus.orders.current}: how many orders are in each state now, and which of them wait for
 * funds, stock or a courier. Counted in the gateway's copy of every order's state (fed from Kafka)
 * when scraped ({@link CountedWhenScraped}): the unfinished orders through their partial index, the
 * finished ones from the counts kept as they finish (V7), so a scrape costs the same with a million
 * finished orders as with a thousand.
 */
@Component
class OrdersByState implements MeterBinder {

  static final String METRIC = "lotus.orders.current";
  private static final String NOT_WAITING = "none";

  private final JdbcTemplate jdbc;
  private final CountedWhenScraped counts = new CountedWhenScraped(this::countNow);

  OrdersByState(JdbcTemplate jdbc) {
    this.jdbc = jdbc;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OrderState state : OrderState.values()) {
      register(registry, state, NOT_WAITING);
    }
    register(registry, OrderState.ValidatingBilling, tag(WaitingFor.FUNDS));
    register(registry, OrderState.ValidatingStock, tag(WaitingFor.STOCK));
    register(registry, OrderState.ValidatingDelivery, tag(WaitingFor.COURIER));
  }

  private void register(MeterRegistry registry, OrderState state, String waitingFor) {
    String key = key(state.name(), waitingFor);
    Gauge.builder(METRIC, () -> counts.get(key))
        .description("Orders in each state now, by what they wait for")
        .tag("state", state.name())
        .tag("waiting_for", waitingFor)
        .register(registry);
  }

  private Map<String, Long> countNow() {
    return jdbc
        .query(
            """
            select status, waiting_for, count(*) from customer_order
             where status not in ('NotifyingSourceSystem', 'Cancelled')
             group by status, waiting_for
            union all
            select status, null, sum(orders) from finished_order_count group by status
            """,
            (row, i) ->
                Map.entry(
                    key(
                        row.getString(1),
                        row.getString(2) == null ? NOT_WAITING : tag(row.getString(2))),
                    row.getLong(3)))
        .stream()
        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
  }

  private static String tag(WaitingFor waitingFor) {
    return tag(waitingFor.name());
  }

  private static String tag(String waitingFor) {
    return waitingFor.toLowerCase(Locale.ROOT);
  }

  private static String key(String state, String waitingFor) {
    return state + "/" + waitingFor;
  }
}
