package dev.lotussaga.bench;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reads issue #18 asks to stay flat as the data grows, one request at a time after a warm-up,
 * the buyers taking turns; the metrics scrape apart, paced as a scraper is.
 */
final class ScaleReads {

  static final String ONE_ORDER = "GET /order/{id} (buyer)";
  static final String BUYER_ORDERS = "GET /order (buyer)";
  static final String NOTIFICATIONS = "GET /notification (buyer, first page)";
  static final String STAFF_ORDERS = "GET /order?limit=100 (staff)";
  static final String SCRAPE = "GET /actuator/prometheus (gateway)";

  /** Past the gauge's one-second cache, so that each scrape counts the orders again. */
  private static final Duration BETWEEN_SCRAPES = Duration.ofMillis(1100);

  /** A measured buyer: its token for this measurement and the ids of its own seeded orders. */
  record Buyer(String token, List<String> orderIds) {}

  /** A request of one read; {@code i} counts the requests of that read. */
  private interface Request {
    void send(int i) throws IOException, InterruptedException;
  }

  private final GatewayClient gateway;
  private final ScaleSettings settings;

  ScaleReads(GatewayClient gateway, ScaleSettings settings) {
    this.gateway = gateway;
    this.settings = settings;
  }

  /**
   * Each read's latencies, in the order of the table. The reads take turns request by request, so
   * that a pause of the machine (a collection, a checkpoint) falls on all of them alike.
   */
  Map<String, Latencies> measure(List<Buyer> buyers, String staffToken)
      throws IOException, InterruptedException {
    Map<String, Request> requests = new LinkedHashMap<>();
    requests.put(
        ONE_ORDER,
        i -> {
          Buyer buyer = buyers.get(i % buyers.size());
          String id = buyer.orderIds().get((i / buyers.size()) % buyer.orderIds().size());
          gateway.read("/order/" + id, buyer.token());
        });
    requests.put(BUYER_ORDERS, i -> gateway.read("/order", buyers.get(i % buyers.size()).token()));
    requests.put(
        NOTIFICATIONS, i -> gateway.read("/notification", buyers.get(i % buyers.size()).token()));
    requests.put(STAFF_ORDERS, i -> gateway.read("/order?limit=100", staffToken));
    for (int i = 0; i < settings.warmUp(); i++) {
      for (Request request : requests.values()) {
        request.send(i);
      }
    }
    Map<String, Latencies> reads = new LinkedHashMap<>();
    requests.keySet().forEach(read -> reads.put(read, new Latencies()));
    for (int i = 0; i < settings.requests(); i++) {
      for (Map.Entry<String, Request> read : requests.entrySet()) {
        long start = System.nanoTime();
        read.getValue().send(i);
        reads.get(read.getKey()).record(Duration.ofNanos(System.nanoTime() - start));
      }
    }
    reads.put(SCRAPE, scrapes());
    return reads;
  }

  /** As a scraper sees it: every scrape finds the order counts out of date and counts again. */
  private Latencies scrapes() throws IOException, InterruptedException {
    for (int i = 0; i < Math.min(5, settings.warmUp()); i++) {
      gateway.read("/actuator/prometheus", null);
    }
    Latencies latencies = new Latencies();
    for (int i = 0; i < settings.scrapes(); i++) {
      Thread.sleep(BETWEEN_SCRAPES.toMillis());
      long start = System.nanoTime();
      gateway.read("/actuator/prometheus", null);
      latencies.record(Duration.ofNanos(System.nanoTime() - start));
    }
    return latencies;
  }
}
