package dev.lotussaga.bench;

/**
 * Knobs of {@code ./lotus bench --scale}, from environment variables.
 *
 * @param smallOrders orders in the database for the first measurement
 * @param largeOrders orders in the database for the second
 * @param buyers buyers registered through the API whose reads are measured
 * @param ordersPerBuyer each measured buyer's own orders (the same at both sizes)
 * @param ordersPerCrowdUser how many orders each seeded buyer owns at the large size
 * @param warmUp requests of each read before it is measured (five scrapes at most)
 * @param requests measured requests of each read
 * @param scrapes measured metrics scrapes, each after the gauge's one-second cache expired
 */
record ScaleSettings(
    long smallOrders,
    long largeOrders,
    int buyers,
    int ordersPerBuyer,
    int ordersPerCrowdUser,
    int warmUp,
    int requests,
    int scrapes) {

  static ScaleSettings fromEnvironment() {
    return new ScaleSettings(
        Long.parseLong(BenchSettings.env("LOTUS_BENCH_SCALE_SMALL", "1000")),
        Long.parseLong(BenchSettings.env("LOTUS_BENCH_SCALE_LARGE", "1000000")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_BUYERS", "4")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_ORDERS_PER_BUYER", "25")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_ORDERS_PER_CROWD_USER", "100")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_WARMUP", "800")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_REQUESTS", "400")),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_SCALE_SCRAPES", "30")));
  }

  /** The measured buyers' orders, part of both sizes. */
  long buyersOrders() {
    return (long) buyers * ordersPerBuyer;
  }

  int crowdUsers() {
    return (int) Math.max(1, largeOrders / ordersPerCrowdUser);
  }

  /** "1k", "1M": how the sizes are named in the table. */
  static String sizeName(long orders) {
    if (orders >= 1_000_000 && orders % 1_000_000 == 0) {
      return orders / 1_000_000 + "M";
    }
    if (orders >= 1_000 && orders % 1_000 == 0) {
      return orders / 1_000 + "k";
    }
    return Long.toString(orders);
  }
}
