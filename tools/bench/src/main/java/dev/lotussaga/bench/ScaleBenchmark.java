package dev.lotussaga.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * {@code ./lotus bench --scale}: issue #18's reads with a thousand orders and with a million, each
 * read's p99 at the large size within 1.2 times its p99 at the small one. The orders are seeded by
 * bulk SQL ({@link ScaleSeed}); the measured buyers register through the API and own the same few
 * orders at both sizes, so that only the tables grow, not the pages.
 */
final class ScaleBenchmark {

  private ScaleBenchmark() {}

  static void run(BenchSettings bench) throws Exception {
    if (!bench.databaseUrl().endsWith("/lotus_bench")) {
      // it writes a million orders into the stack's own tables: only the bench's fresh stack
      throw new IllegalStateException(
          "bench --scale seeds only the bench's own database lotus_bench, not "
              + bench.databaseUrl());
    }
    ScaleSettings settings = ScaleSettings.fromEnvironment();
    WakeUpSettings wakeUp = WakeUpSettings.fromEnvironment();
    String small = ScaleSettings.sizeName(settings.smallOrders());
    String large = ScaleSettings.sizeName(settings.largeOrders());
    say(
        "%d measured buyers with %d orders each; %s orders, then %s (%d seeded buyers);"
            + " %d requests per read after %d, %d metrics scrapes %.1f s apart;"
            + " then %d orders waiting for product %d's stock (%d buyers, %d clients)",
        settings.buyers(),
        settings.ordersPerBuyer(),
        small,
        large,
        settings.crowdUsers(),
        settings.requests(),
        settings.warmUp(),
        settings.scrapes(),
        1.1,
        wakeUp.waiters(),
        WakeUpSettings.PRODUCT,
        wakeUp.buyers(),
        wakeUp.clients());
    GatewayClient gateway = new GatewayClient(bench.gateway());
    String run = Long.toString(System.currentTimeMillis(), 36);
    String password = "bench-password";
    List<String> emails =
        IntStream.range(0, settings.buyers())
            .mapToObj(i -> "bench-scale-" + run + "-" + i + "@example.test")
            .toList();
    for (String email : emails) {
      gateway.register(email, password);
    }
    ScaleReads reads = new ScaleReads(gateway, settings);
    Map<String, Map<String, Object>> seeding = new LinkedHashMap<>();
    Map<String, Latencies> atSmall;
    Map<String, Latencies> atLarge;
    List<List<String>> orderIds = new ArrayList<>();
    try (ScaleSeed seed = new ScaleSeed(bench)) {
      long start = System.nanoTime();
      seed.crowd(settings.crowdUsers());
      for (String email : emails) {
        long userId = seed.userId(email);
        seed.ordersOf(userId, settings.ordersPerBuyer());
        orderIds.add(
            IntStream.rangeClosed(1, settings.ordersPerBuyer())
                .mapToObj(k -> ScaleSeed.buyerOrderId(userId, k))
                .toList());
      }
      long crowdSmall = settings.smallOrders() - settings.buyersOrders();
      seed.crowdOrders(1, crowdSmall);
      seed.analyze();
      double smallSeconds = secondsSince(start);
      seeding.put(small, seeded(seed.orderCount(), smallSeconds));
      say("seeded %d orders in %.1f s; measuring", seed.orderCount(), smallSeconds);
      atSmall = reads.measure(buyers(gateway, emails, password, orderIds), staff(gateway, bench));

      start = System.nanoTime();
      seed.crowdOrders(crowdSmall + 1, settings.largeOrders() - settings.buyersOrders());
      double insertSeconds = secondsSince(start);
      seed.analyze();
      double largeSeconds = secondsSince(start);
      seeding.put(large, seeded(seed.orderCount(), largeSeconds));
      say(
          "seeded up to %d orders in %.1f s (inserts %.1f s, analyze %.1f s); measuring",
          seed.orderCount(), largeSeconds, insertSeconds, largeSeconds - insertSeconds);
      atLarge = reads.measure(buyers(gateway, emails, password, orderIds), staff(gateway, bench));
    }
    // After the reads, so that they measure the same tables as before this phase existed; the
    // waiting orders join a million finished ones.
    WakeUpTable stockLine = null;
    if (wakeUp.waiters() > 0) {
      stockLine = new StockLineWakeUp(bench, gateway, wakeUp, run).measure();
    }

    ScaleTable table = new ScaleTable(small, large);
    atSmall.forEach(
        (read, latencies) ->
            table.add(
                read, latencies.percentileMillis(99), atLarge.get(read).percentileMillis(99)));
    Map<String, Object> described = new LinkedHashMap<>();
    described.put("scale", settings);
    described.put("stockLine", wakeUp.json());
    Report report = new Report(described);
    report.scale(small, atSmall, large, atLarge, table, seeding, stockLine);
    report.print();
    report.write(bench.results());
  }

  /** Fresh tokens for each measurement: seeding a million orders may outlast an access token. */
  private static List<ScaleReads.Buyer> buyers(
      GatewayClient gateway, List<String> emails, String password, List<List<String>> orderIds)
      throws Exception {
    List<ScaleReads.Buyer> buyers = new ArrayList<>();
    for (int i = 0; i < emails.size(); i++) {
      buyers.add(new ScaleReads.Buyer(gateway.login(emails.get(i), password), orderIds.get(i)));
    }
    return buyers;
  }

  private static String staff(GatewayClient gateway, BenchSettings bench) throws Exception {
    return gateway.login(bench.staffEmail(), bench.staffPassword());
  }

  private static Map<String, Object> seeded(long orders, double seconds) {
    Map<String, Object> seeded = new LinkedHashMap<>();
    seeded.put("orders", orders);
    seeded.put("stateChanges", orders * 4);
    seeded.put("notifications", orders * 3);
    seeded.put("seconds", seconds);
    return seeded;
  }

  static double secondsSince(long nanos) {
    return (System.nanoTime() - nanos) / 1e9;
  }

  static void say(String format, Object... arguments) {
    System.out.println("bench --scale: " + String.format(Locale.ROOT, format, arguments));
  }
}
