package dev.lotussaga.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Our saga, as a client uses it: orders for product 1 (in stock, automatic delivery) placed through
 * the gateway, finished when the order's ORDER_IN_DELIVERY notification is stored.
 */
final class SagaFlow implements OrderFlow {

  /** The gateway's workflow id of an order (OrderWorkflowIds in the contracts). */
  private static final String WORKFLOW_ID_PREFIX = "order-";

  private final BenchSettings settings;
  private final GatewayClient gateway;
  private final DeliveryWatch deliveries;
  private final List<String> buyers = new ArrayList<>();
  private final TemporalWork.LastFinished lastFinished = new TemporalWork.LastFinished(50);

  SagaFlow(BenchSettings settings, DeliveryWatch deliveries) {
    this.settings = settings;
    this.gateway = new GatewayClient(settings.gateway());
    this.deliveries = deliveries;
  }

  /** Registers the buyers, each with enough money for every order the run could place. */
  void prepare() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < settings.users(); i++) {
      String token = gateway.register("bench-" + run + "-" + i + "@example.test", "bench-password");
      gateway.addMoney(token, 100_000_000);
      buyers.add(token);
    }
  }

  @Override
  public String place(int buyer) throws Exception {
    GatewayClient.Answer placed = gateway.placeOrder(buyers.get(buyer % buyers.size()), 1);
    if (placed.status() != 202) {
      throw new IllegalStateException(
          "POST /order/place answered " + placed.status() + " " + placed.body());
    }
    return placed.body().get("orderId").asText();
  }

  @Override
  public CompletableFuture<Long> finished(String orderId) {
    return deliveries
        .deliveredAt(orderId)
        .thenApply(
            at -> {
              lastFinished.add(WORKFLOW_ID_PREFIX + orderId);
              return at;
            });
  }

  TemporalWork.LastFinished lastFinished() {
    return lastFinished;
  }

  @Override
  public void forget(String orderId) {
    deliveries.forget(orderId);
  }
}
