package dev.lotussaga.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closed-loop clients, each placing orders for product 1 (in stock, automatic delivery) through the
 * gateway and waiting until the order's ORDER_IN_DELIVERY notification is stored.
 */
final class SagaLoad {

  private static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);

  private final BenchSettings settings;
  private final GatewayClient gateway;
  private final DeliveryWatch deliveries;
  private final List<String> buyers = new ArrayList<>();

  SagaLoad(BenchSettings settings, DeliveryWatch deliveries) {
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

  record Result(Latencies place, Latencies endToEnd, int completed, int errors, Duration elapsed) {
    double perSecond() {
      return completed / (elapsed.toMillis() / 1000.0);
    }
  }

  Result run(Duration duration, int maxOrders) throws Exception {
    Latencies place = new Latencies();
    Latencies endToEnd = new Latencies();
    AtomicInteger completed = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    AtomicInteger started = new AtomicInteger();
    long start = System.nanoTime();
    long end = start + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(settings.clients());
    List<Future<?>> clients = new ArrayList<>();
    for (int c = 0; c < settings.clients(); c++) {
      String buyer = buyers.get(c % buyers.size());
      clients.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end && started.incrementAndGet() <= maxOrders) {
                  try {
                    if (placeAndFollow(buyer, place, endToEnd)) {
                      completed.incrementAndGet();
                    } else {
                      errors.incrementAndGet();
                    }
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return null;
                  } catch (Exception e) {
                    errors.incrementAndGet();
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : clients) {
      client.get();
    }
    pool.shutdown();
    return new Result(
        place,
        endToEnd,
        completed.get(),
        errors.get(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private boolean placeAndFollow(String buyer, Latencies place, Latencies endToEnd)
      throws Exception {
    long t0 = System.nanoTime();
    GatewayClient.Answer placed = gateway.placeOrder(buyer, 1);
    long t1 = System.nanoTime();
    if (placed.status() != 202) {
      return false;
    }
    place.record(Duration.ofNanos(t1 - t0));
    String orderId = placed.body().get("orderId").asText();
    try {
      long seen =
          deliveries.deliveredAt(orderId).get(ORDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      endToEnd.record(Duration.ofNanos(seen - t0));
      return true;
    } catch (TimeoutException e) {
      deliveries.forget(orderId);
      return false;
    }
  }
}
