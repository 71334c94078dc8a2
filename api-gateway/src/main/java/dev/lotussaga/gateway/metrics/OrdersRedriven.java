package dev.lotussaga.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code lotus.orders.redriven}: orders given a new run because their workflow was gone, by why:
 * {@code not_found}, {@code terminated}, {@code failed} or {@code timed_out}.
 */
@Component
public class OrdersRedriven {

  static final String METRIC = "lotus.orders.redriven";

  private final MeterRegistry registry;

  OrdersRedriven(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(String reason) {
    Counter.builder(METRIC)
        .description("Orders re-driven because their workflow was gone, by reason")
        .tag("reason", reason)
        .register(registry)
        .increment();
  }
}
