package dev.lotussaga.faults;

import dev.lotussaga.contracts.delivery.DeliverySlots;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One round's buyers and orders. Buyers start with a little money, so most of their orders wait for
 * funds; products 2 and 3 start without stock, and product 3 needs staff acceptance, so orders wait
 * there too. Every eighth order is cancelled the moment it is placed, racing its first step.
 */
final class OrderTraffic {

  /** The seed catalog's prices (api-gateway's V1 migration). */
  static final Map<Integer, BigDecimal> PRICES =
      Map.of(1, new BigDecimal("100"), 2, new BigDecimal("500"), 3, new BigDecimal("1500"));

  private static final BigDecimal STARTING_BALANCE = new BigDecimal("600");

  record Buyer(String email, String token, boolean neverTopsUp) {}

  record Order(String orderId, int index, int product, Buyer buyer) {
    BigDecimal price() {
      return PRICES.get(product);
    }
  }

  private final String round;
  private final SuiteSettings settings;
  private final LotusApi api;
  private final List<Buyer> buyers = new ArrayList<>();
  private final List<Order> orders = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger earlyCancels = new AtomicInteger();
  private final AtomicInteger failedCancels = new AtomicInteger();

  OrderTraffic(String round, SuiteSettings settings, LotusApi api) {
    this.round = round;
    this.settings = settings;
    this.api = api;
  }

  /** The first buyer never tops up: their orders stay visibly waiting for funds. */
  void prepareBuyers() throws Exception {
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (int i = 0; i < settings.buyersPerRound(); i++) {
      String email = "faults-" + round + "-" + run + "-" + i + "@example.test";
      String token = api.register(email, "faults-password");
      boolean neverTopsUp = i == 0;
      if (!neverTopsUp) {
        api.addMoney(token, STARTING_BALANCE);
      }
      buyers.add(new Buyer(email, token, neverTopsUp));
    }
  }

  /** Places the round's orders from several clients; {@code midFlight} runs once half are in. */
  void placeAll(Runnable midFlight) throws Exception {
    AtomicInteger next = new AtomicInteger();
    AtomicBoolean halfway = new AtomicBoolean();
    ExecutorService clients = Executors.newFixedThreadPool(settings.clients());
    try {
      List<Future<Void>> running = new ArrayList<>();
      for (int c = 0; c < settings.clients(); c++) {
        running.add(
            clients.submit(
                () -> {
                  int index;
                  while ((index = next.getAndIncrement()) < settings.ordersPerRound()) {
                    place(index);
                    if (index >= settings.ordersPerRound() / 2
                        && halfway.compareAndSet(false, true)) {
                      midFlight.run();
                    }
                  }
                  return null;
                }));
      }
      for (Future<Void> client : running) {
        client.get();
      }
    } finally {
      clients.shutdownNow();
    }
  }

  private void place(int index) throws Exception {
    Buyer buyer = buyers.get(index % buyers.size());
    int product = productFor(index);
    String orderId = api.placeOrder(buyer.token(), product, slotFor(index), round + "-" + index);
    Order order = new Order(orderId, index, product, buyer);
    orders.add(order);
    if (index % 8 == 3) {
      earlyCancels.incrementAndGet();
      try {
        api.cancel(buyer.token(), orderId);
      } catch (IOException refused) {
        // The order goes on uncancelled; the invariants hold either way.
        FaultSuite.say("cancel of %s gave up: %s", orderId, refused.getMessage());
        failedCancels.incrementAndGet();
      }
    }
  }

  /**
   * One order in five names a delivery slot 20 to 28 days ahead, an hour the earliest-slot bookings
   * of a run never reach; the hour depends on the round's name too, so that rounds spread over the
   * eight days and an hour keeps a courier free: every such order is booked in its slot.
   */
  private Instant slotFor(int index) {
    if (index % 5 != 1) {
      return null;
    }
    int hour = Math.floorMod(index * 7 + round.hashCode(), 8 * 24);
    return DeliverySlots.firstBookable(Instant.now())
        .plus(Duration.ofDays(20))
        .plus(Duration.ofHours(hour));
  }

  /** Six in ten for product 1, three for product 2, one for product 3. */
  private static int productFor(int index) {
    int slot = index % 10;
    return slot < 6 ? 1 : slot < 9 ? 2 : 3;
  }

  List<Order> orders() {
    synchronized (orders) {
      return List.copyOf(orders);
    }
  }

  int earlyCancels() {
    return earlyCancels.get();
  }

  int failedCancels() {
    return failedCancels.get();
  }
}
