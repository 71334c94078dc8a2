package dev.lotussaga.bench;

import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./lotus bench --scale}'s stock line: orders placed through the API wait in one product's
 * line (real workflows, waiting for {@code STOCK}); staff add half their units, then the other
 * half. Each arrival must go to the line's first orders, in the order the stock service's own line
 * ({@code stock.waiting_line}) had them. Only the public API and the stack's tables are used, never
 * how the stock service wakes its line.
 */
final class StockLineWakeUp {

  private static final Duration POLL = Duration.ofMillis(250);

  private final BenchSettings bench;
  private final GatewayClient gateway;
  private final WakeUpSettings settings;
  private final String run;

  StockLineWakeUp(BenchSettings bench, GatewayClient gateway, WakeUpSettings settings, String run) {
    this.bench = bench;
    this.gateway = gateway;
    this.settings = settings;
    this.run = run;
  }

  WakeUpTable measure() throws Exception {
    try (StockLine stock = new StockLine(bench, WakeUpSettings.PRODUCT)) {
      WaitingOrders.Placed placed = new WaitingOrders(gateway, stock, settings, run).place();
      WakeUpTable table = new WakeUpTable(WakeUpSettings.PRODUCT, placed.placement());
      // The line as the stock service keeps it, read before any unit arrives: a woken order
      // leaves it.
      List<String> line = stock.line();
      Set<String> ours = new HashSet<>(placed.orderIds());
      long strangers = line.stream().filter(order -> !ours.contains(order)).count();
      if (strangers > 0) {
        table.error(strangers + " orders in the line that the bench did not place");
      }
      if (line.size() < placed.orderIds().size()) {
        table.error((placed.orderIds().size() - line.size()) + " orders never joined the line");
      }
      ScaleBenchmark.say(
          "%d orders in product %d's line; stock arrives", line.size(), WakeUpSettings.PRODUCT);
      int first = Math.min(settings.firstArrival(), line.size());
      table.add(arrive(stock, table, placed, line, "first half", 0, first));
      table.add(arrive(stock, table, placed, line, "second half", first, line.size()));
      long cancelled = stock.cancelled(placed.buyerIds());
      if (cancelled > 0) {
        table.error(cancelled + " orders cancelled");
      }
      return table;
    }
  }

  /**
   * One arrival of {@code to - from} units: it must wake the line's orders {@code from} to {@code
   * to}, so that the first {@code to} of the line hold a unit and no order further back does.
   */
  private WakeUpTable.Step arrive(
      StockLine stock,
      WakeUpTable table,
      WaitingOrders.Placed placed,
      List<String> line,
      String name,
      int from,
      int to)
      throws Exception {
    int units = to - from;
    String staff = gateway.login(bench.staffEmail(), bench.staffPassword());
    long reservedBefore = stock.reservations();
    Instant put = Instant.now();
    long start = System.nanoTime();
    gateway.addStock(staff, WakeUpSettings.PRODUCT, units, "bench-wake-" + run + "-" + from);
    double toPastStock =
        awaitWakeUps(stock, table, placed.buyerIds(), name, reservedBefore + units, to, start);
    Map<String, Instant> reservedAt = stock.reservedAt(placed.orderIds());
    List<String> woken = line.subList(from, to);
    int inPrefix = (int) line.subList(0, to).stream().filter(reservedAt::containsKey).count();
    WakeUpTable.Step step =
        new WakeUpTable.Step(
            name,
            units,
            to,
            (int) woken.stream().filter(reservedAt::containsKey).count(),
            inPrefix,
            reservedAt.size() - inPrefix,
            lastReservation(put, woken, reservedAt),
            toPastStock,
            swapped(woken, reservedAt),
            swapped(woken, stock.pastStockAt(woken)));
    ScaleBenchmark.say(
        "%s: %d units, last reserved %.1f s after the PUT, all past stock at %.1f s; %d of the"
            + " line's first %d hold a unit, %d further back do",
        name,
        units,
        step.toLastReservation(),
        toPastStock,
        inPrefix,
        to,
        step.holdersOutsidePrefix());
    return step;
  }

  /**
   * Polls until {@code reservations} units of the product are held and the gateway shows {@code
   * pastStock} of the buyers' orders past the stock step, or gives up; answers the seconds from
   * {@code start} to the latter (NaN if it never came).
   */
  private double awaitWakeUps(
      StockLine stock,
      WakeUpTable table,
      Long[] buyers,
      String name,
      long reservations,
      int pastStock,
      long start)
      throws SQLException, InterruptedException {
    long reserved = -1;
    long past = -1;
    long lastMove = System.nanoTime();
    while (true) {
      long reservedNow = stock.reservations();
      long pastNow = stock.pastStock(buyers);
      if (reservedNow != reserved || pastNow != past) {
        lastMove = System.nanoTime();
        reserved = reservedNow;
        past = pastNow;
      }
      if (reserved >= reservations && past >= pastStock) {
        return ScaleBenchmark.secondsSince(start);
      }
      Duration waited = Duration.ofNanos(System.nanoTime() - start);
      if (waited.compareTo(settings.timeout()) > 0
          || System.nanoTime() - lastMove > settings.stall().toNanos()) {
        table.error(
            String.format(
                Locale.ROOT,
                "%s: gave up after %d s with %d units held in all (%d expected), %d of %d orders"
                    + " past stock",
                name,
                waited.toSeconds(),
                reserved,
                reservations,
                past,
                pastStock));
        return Double.NaN;
      }
      TimeUnit.NANOSECONDS.sleep(POLL.toNanos());
    }
  }

  /** Seconds from the PUT to the last reservation of the orders it should wake. */
  private static double lastReservation(
      Instant put, List<String> woken, Map<String, Instant> reservedAt) {
    return woken.stream()
        .map(reservedAt::get)
        .filter(Objects::nonNull)
        .max(Instant::compareTo)
        .map(last -> Duration.between(put, last).toNanos() / 1e9)
        .orElse(Double.NaN);
  }

  /** Adjacent pairs, in line order, where the later order was woken first. */
  static int swapped(List<String> line, Map<String, Instant> at) {
    int swapped = 0;
    for (int i = 0; i + 1 < line.size(); i++) {
      Instant earlier = at.get(line.get(i));
      Instant later = at.get(line.get(i + 1));
      if (earlier != null && later != null && earlier.isAfter(later)) {
        swapped++;
      }
    }
    return swapped;
  }
}
