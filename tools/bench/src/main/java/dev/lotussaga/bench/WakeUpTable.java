package dev.lotussaga.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Issue #18's stock line: orders waiting in one product's line, woken by stock arrivals. MET when
 * every unit of every arrival went to the line's first orders, every order got one, and nothing
 * failed on the way.
 */
final class WakeUpTable {

  static final String TARGET = "stock wake-ups in first-come order";

  /** How the orders came to wait: placed through the API, then seen waiting for stock. */
  record Placement(
      int orders, int buyers, int clients, double seconds, double waitingSeconds, long errors) {

    double perSecond() {
      return orders / seconds;
    }
  }

  /**
   * One stock arrival.
   *
   * @param units units added, by one {@code PUT /stock/add}
   * @param prefix how many of the line's first orders should hold a unit after it
   * @param woken how many of the orders it should wake hold a unit
   * @param holdersInPrefix how many of them do
   * @param holdersOutsidePrefix orders holding a unit that were further back in the line
   * @param toLastReservation seconds from the PUT to the last of its reservations
   * @param toLastPastStock seconds from the PUT until the gateway showed the last of its orders
   *     past the stock step
   * @param pairsOutOfOrder adjacent pairs of its orders, in line order, that got their units the
   *     other way round ({@code reserved_at})
   * @param pairsOutOfOrderAtGateway the same by the gateway's state changes
   */
  record Step(
      String name,
      int units,
      int prefix,
      int woken,
      int holdersInPrefix,
      int holdersOutsidePrefix,
      double toLastReservation,
      double toLastPastStock,
      int pairsOutOfOrder,
      int pairsOutOfOrderAtGateway) {

    boolean firstCome() {
      return holdersOutsidePrefix == 0 && holdersInPrefix == prefix;
    }

    /** Orders that went on past the stock step per second: a unit reserved is not yet a wake-up. */
    double wakeUpsPerSecond() {
      return woken / toLastPastStock;
    }

    Map<String, Object> json() {
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("step", name);
      json.put("units", units);
      json.put("linePrefixExpected", prefix);
      json.put("woken", woken);
      json.put("holdersInPrefix", holdersInPrefix);
      json.put("holdersOutsidePrefix", holdersOutsidePrefix);
      json.put("secondsToLastReservation", toLastReservation);
      json.put("secondsToLastPastStock", toLastPastStock);
      json.put("wakeUpsPerSecond", wakeUpsPerSecond());
      json.put("adjacentPairsOutOfOrderReservedAt", pairsOutOfOrder);
      json.put("adjacentPairsOutOfOrderAtGateway", pairsOutOfOrderAtGateway);
      json.put("firstCome", firstCome());
      return json;
    }
  }

  private final int product;
  private final Placement placement;
  private final List<Step> steps = new ArrayList<>();
  private final List<String> errors = new ArrayList<>();

  WakeUpTable(int product, Placement placement) {
    this.product = product;
    this.placement = placement;
  }

  void add(Step step) {
    steps.add(step);
  }

  /** Orders lost on the way: cancelled, never in line, never woken. */
  void error(String error) {
    errors.add(error);
  }

  long errorCount() {
    return placement.errors() + errors.size();
  }

  /**
   * Seconds from each arrival's PUT until the last of its orders went on past the stock step, all
   * arrivals together.
   */
  double wakeUpSeconds() {
    return steps.stream().mapToDouble(Step::toLastPastStock).sum();
  }

  int woken() {
    return steps.isEmpty() ? 0 : steps.get(steps.size() - 1).holdersInPrefix();
  }

  String verdict() {
    if (steps.isEmpty()) {
      return "NOT MEASURED";
    }
    boolean met =
        errorCount() == 0
            && steps.stream().allMatch(Step::firstCome)
            && woken() == placement.orders();
    return met ? "MET" : "MISSED";
  }

  List<String> lines() {
    List<String> lines = new ArrayList<>();
    lines.add(
        String.format(
            Locale.ROOT,
            "stock line (issue #18): %d orders of product %d waiting for stock, woken by two"
                + " arrivals",
            placement.orders(),
            product));
    lines.add(
        String.format(
            Locale.ROOT,
            "  placed through the API in %.1f s (%.1f orders/s, %d buyers, %d clients), all waiting"
                + " for STOCK after %.1f s; %d errors",
            placement.seconds(),
            placement.perSecond(),
            placement.buyers(),
            placement.clients(),
            placement.waitingSeconds(),
            placement.errors()));
    lines.add(
        String.format(
            Locale.ROOT,
            "%-14s %6s %12s %13s %10s %14s %13s",
            "arrival",
            "units",
            "to last unit",
            "to past stock",
            "wakes/s",
            "in line order",
            "pairs swapped"));
    for (Step step : steps) {
      lines.add(
          String.format(
              Locale.ROOT,
              "  %-12s %6d %10.1f s %11.1f s %10.1f %14s %6d / %d",
              step.name(),
              step.units(),
              step.toLastReservation(),
              step.toLastPastStock(),
              step.wakeUpsPerSecond(),
              step.firstCome()
                  ? "yes"
                  : "NO "
                      + step.holdersInPrefix()
                      + "/"
                      + step.prefix()
                      + ", "
                      + step.holdersOutsidePrefix()
                      + " out",
              step.pairsOutOfOrder(),
              step.pairsOutOfOrderAtGateway()));
    }
    lines.add(
        "  (pairs swapped: adjacent orders of the line that got their unit the other way round,"
            + " by reserved_at / by the gateway's state changes; information)");
    errors.forEach(error -> lines.add("  error: " + error));
    lines.add(targetLine());
    return lines;
  }

  String targetLine() {
    return String.format(
        Locale.ROOT,
        "  %-42s %d of %d woken, %d errors, %.1f s  %s",
        TARGET,
        woken(),
        placement.orders(),
        errorCount(),
        wakeUpSeconds(),
        verdict());
  }

  Map<String, Object> json() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("product", product);
    Map<String, Object> placed = new LinkedHashMap<>();
    placed.put("orders", placement.orders());
    placed.put("buyers", placement.buyers());
    placed.put("clients", placement.clients());
    placed.put("seconds", placement.seconds());
    placed.put("ordersPerSecond", placement.perSecond());
    placed.put("secondsUntilAllWaitForStock", placement.waitingSeconds());
    placed.put("errors", placement.errors());
    json.put("placement", placed);
    json.put("arrivals", steps.stream().map(Step::json).toList());
    json.put("errors", errors);
    return json;
  }

  /** The target, as the scale run's other targets are written. */
  Map<String, Object> targetJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("target", TARGET);
    json.put("waiters", placement.orders());
    json.put("woken", woken());
    json.put("errors", errorCount());
    json.put("wakeUpSeconds", wakeUpSeconds());
    json.put("limit", "every unit to the line's first orders, all woken, 0 errors");
    json.put("verdict", verdict());
    return json;
  }
}
