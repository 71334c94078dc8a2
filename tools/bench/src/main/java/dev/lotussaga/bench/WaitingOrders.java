package dev.lotussaga.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Orders that truly wait in Temporal for a product with no unit, placed as buyers place them:
 * registered and topped up through the API, then {@code POST /order/place} from several clients at
 * once, each order with its own Idempotency-Key so that a retry never places a second one.
 */
final class WaitingOrders {

  private static final String PASSWORD = "bench-password";
  private static final long MAX_TOP_UP = 1_000_000_000L;
  private static final int ATTEMPTS = 5;

  /** The orders placed, their buyers' ids, and how placing them went. */
  record Placed(List<String> orderIds, Long[] buyerIds, WakeUpTable.Placement placement) {}

  /** A buyer, logged in again when its access token expires. */
  private static final class Buyer {
    final String email;
    volatile String token;

    Buyer(String email, String token) {
      this.email = email;
      this.token = token;
    }

    synchronized void loginAgain(GatewayClient gateway, String stale) throws Exception {
      if (token.equals(stale)) {
        token = gateway.login(email, PASSWORD);
      }
    }
  }

  private final GatewayClient gateway;
  private final StockLine stock;
  private final WakeUpSettings settings;
  private final String run;
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();

  WaitingOrders(GatewayClient gateway, StockLine stock, WakeUpSettings settings, String run) {
    this.gateway = gateway;
    this.stock = stock;
    this.settings = settings;
    this.run = run;
  }

  Placed place() throws Exception {
    long price = stock.price().setScale(0, RoundingMode.CEILING).longValueExact();
    List<Buyer> buyers = new ArrayList<>();
    Long[] buyerIds = new Long[settings.buyers()];
    for (int i = 0; i < settings.buyers(); i++) {
      String email = "bench-wait-" + run + "-" + i + "@example.test";
      Buyer buyer = new Buyer(email, gateway.register(email, PASSWORD));
      int waiters = settings.waiters();
      int orders = waiters / settings.buyers() + (i < waiters % settings.buyers() ? 1 : 0);
      topUp(buyer.token, BigDecimal.valueOf(price).multiply(BigDecimal.valueOf(orders)));
      buyers.add(buyer);
      buyerIds[i] = stock.userId(email);
    }
    long start = System.nanoTime();
    List<String> orderIds = placeAll(buyers);
    double placedSeconds = ScaleBenchmark.secondsSince(start);
    ScaleBenchmark.say(
        "placed %d orders of product %d in %.1f s (%.1f/s); waiting until all wait for STOCK",
        orderIds.size(), WakeUpSettings.PRODUCT, placedSeconds, orderIds.size() / placedSeconds);
    long waiting = awaitWaiting(buyerIds, orderIds.size());
    double waitingSeconds = ScaleBenchmark.secondsSince(start);
    failures.forEach(failure -> ScaleBenchmark.say("placing failed: %s", failure));
    long errors = failures.size() + (orderIds.size() - waiting);
    return new Placed(
        orderIds,
        buyerIds,
        new WakeUpTable.Placement(
            settings.waiters(),
            settings.buyers(),
            settings.clients(),
            placedSeconds,
            waitingSeconds,
            errors));
  }

  /** Every order, the buyers taking turns, from {@code clients} threads at once. */
  private List<String> placeAll(List<Buyer> buyers) throws Exception {
    ConcurrentLinkedQueue<String> orderIds = new ConcurrentLinkedQueue<>();
    AtomicInteger next = new AtomicInteger();
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        running.add(
            clients.submit(
                () -> {
                  for (int k = next.getAndIncrement();
                      k < settings.waiters();
                      k = next.getAndIncrement()) {
                    try {
                      orderIds.add(placeOne(buyers.get(k % buyers.size()), k));
                    } catch (Exception e) {
                      failures.add("order " + k + ": " + e.getMessage());
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> client : running) {
        client.get();
      }
    } finally {
      clients.shutdown();
    }
    return List.copyOf(orderIds);
  }

  private void topUp(String token, BigDecimal amount) throws Exception {
    long left = amount.longValueExact();
    while (left > 0) {
      long now = Math.min(left, MAX_TOP_UP);
      gateway.addMoney(token, now);
      left -= now;
    }
  }

  /** The order's id; retried with the same key after a lost answer, a 5xx, a 429 or a 401. */
  private String placeOne(Buyer buyer, int k) throws Exception {
    String key = "bench-wait-" + run + "-" + k;
    IOException last = null;
    for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
      String token = buyer.token;
      GatewayClient.Answer answer;
      try {
        answer = gateway.placeOrder(token, WakeUpSettings.PRODUCT, key);
      } catch (IOException lostAnswer) {
        last = lostAnswer;
        Thread.sleep(500L * attempt);
        continue;
      }
      JsonNode body = answer.body();
      if (answer.status() == 202 || answer.status() == 200) {
        return body.get("orderId").asText();
      }
      last = new IOException("POST /order/place answered " + answer.status() + ": " + body);
      if (answer.status() == 401) {
        buyer.loginAgain(gateway, token);
      } else if (answer.status() == 429 || answer.status() >= 500) {
        Thread.sleep(500L * attempt);
      } else {
        throw last;
      }
    }
    throw last;
  }

  /** How many of the buyers' orders wait for stock once all do, or once waiting gave up. */
  private long awaitWaiting(Long[] buyerIds, int orders) throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + settings.timeout().toNanos();
    long waiting = 0;
    long lastMove = System.nanoTime();
    while (true) {
      long now = stock.waitingForStock(buyerIds);
      if (now != waiting) {
        waiting = now;
        lastMove = System.nanoTime();
      }
      if (waiting >= orders && stock.lineLength() >= orders) {
        return waiting;
      }
      if (System.nanoTime() > deadline
          || System.nanoTime() - lastMove > settings.stall().toNanos()) {
        ScaleBenchmark.say(
            "gave up: %d of %d orders wait for STOCK, %d in line",
            waiting, orders, stock.lineLength());
        return waiting;
      }
      TimeUnit.SECONDS.sleep(1);
    }
  }
}
