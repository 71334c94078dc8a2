package dev.lotussaga.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Knobs of {@code ./lotus bench --scale}'s stock line phase ({@link StockLineWakeUp}), from
 * environment variables.
 *
 * @param waiters orders placed through the API that wait in one product's line ({@code 0}: no
 *     phase)
 * @param buyers buyers registered through the API who place them, in turn
 * @param clients concurrent clients placing them
 * @param timeout how long each wait (all orders in line, each arrival's wake-ups) may take
 * @param stall a wait gives up earlier when nothing moved for this long
 */
record WakeUpSettings(int waiters, int buyers, int clients, Duration timeout, Duration stall) {

  /** Product 3 starts with no unit and nothing else of the scale run orders or reserves it. */
  static final int PRODUCT = 3;

  static WakeUpSettings fromEnvironment() {
    int waiters = Integer.parseInt(BenchSettings.env("LOTUS_BENCH_WAITERS", "5000"));
    return new WakeUpSettings(
        waiters,
        Integer.parseInt(
            BenchSettings.env(
                "LOTUS_BENCH_WAITERS_BUYERS", Integer.toString(defaultBuyers(waiters)))),
        Integer.parseInt(BenchSettings.env("LOTUS_BENCH_WAITERS_CLIENTS", "8")),
        Duration.parse("PT" + BenchSettings.env("LOTUS_BENCH_WAKE_UP_TIMEOUT", "15m")),
        Duration.parse("PT" + BenchSettings.env("LOTUS_BENCH_WAKE_UP_STALL", "2m")));
  }

  /** For the JSON result (durations in ISO-8601, {@code PT15M}). */
  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("waiters", waiters);
    json.put("product", PRODUCT);
    json.put("buyers", buyers);
    json.put("clients", clients);
    json.put("timeout", timeout.toString());
    json.put("stall", stall.toString());
    return json;
  }

  /** A hundred orders per buyer, as the seeded crowd owns them. */
  static int defaultBuyers(int waiters) {
    return Math.max(1, (waiters + 99) / 100);
  }

  /** Units of the first arrival: the first half of the line. */
  int firstArrival() {
    return waiters / 2;
  }
}
