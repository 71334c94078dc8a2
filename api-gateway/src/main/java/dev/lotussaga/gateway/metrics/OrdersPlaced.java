package dev.lotussaga.gateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code lotus.orders.placed}: orders accepted by {@code POST /order/place}, by product. A request
 * repeated with the same Idempotency-Key is not a new order and is not counted.
 */
@Component
public class OrdersPlaced {

  static final String METRIC = "lotus.orders.placed";

  private final MeterRegistry registry;

  OrdersPlaced(MeterRegistry registry) {
    this.registry = registry;
  }

  public void count(int productId) {
    Counter.builder(METRIC)
        .description("Orders accepted, by product")
        .tag("product", Integer.toString(productId))
        .register(registry)
        .increment();
  }
}
