package dev.lotussaga.faults;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the driver meant to deposit per buyer and to add per product, kept in memory for the ledger
 * check: each top-up and stock arrival once, however often it was retried (each sends its own
 * Idempotency-Key on every attempt). One that was answered took effect; one the driver gave up on
 * may or may not have, so it widens the range the books may show. One book per suite run, as the
 * rounds share one stack and its books.
 */
final class DriverLedger {

  static final DriverLedger OF_THIS_RUN = new DriverLedger();

  private final Map<Long, BigDecimal> topUps = new ConcurrentHashMap<>();
  private final Map<Long, BigDecimal> topUpsGivenUp = new ConcurrentHashMap<>();
  private final Map<Integer, Long> units = new ConcurrentHashMap<>();
  private final Map<Integer, Long> unitsGivenUp = new ConcurrentHashMap<>();

  DriverLedger() {}

  void toppedUp(long buyer, BigDecimal amount, boolean answered) {
    (answered ? topUps : topUpsGivenUp).merge(buyer, amount, BigDecimal::add);
  }

  void addedStock(int product, int count, boolean answered) {
    (answered ? units : unitsGivenUp).merge(product, (long) count, Long::sum);
  }

  int buyers() {
    return keysOf(topUps, topUpsGivenUp).size();
  }

  int products() {
    return keysOf(units, unitsGivenUp).size();
  }

  /** Buyers whose deposits (sum per buyer, as billing has them) are not what the driver meant. */
  List<Map<String, Object>> offendingBuyers(Map<Long, BigDecimal> deposited) {
    List<Map<String, Object>> offending = new ArrayList<>();
    for (long buyer : keysOf(topUps, topUpsGivenUp)) {
      BigDecimal meant = topUps.getOrDefault(buyer, BigDecimal.ZERO);
      BigDecimal givenUp = topUpsGivenUp.getOrDefault(buyer, BigDecimal.ZERO);
      BigDecimal found = deposited.getOrDefault(buyer, BigDecimal.ZERO);
      if (found.compareTo(meant) < 0 || found.compareTo(meant.add(givenUp)) > 0) {
        offending.add(
            Map.of("user_id", buyer, "deposited", found, "meant", meant, "given_up", givenUp));
      }
    }
    return offending;
  }

  /**
   * Products whose additions (units per product, as stock has them) are not what staff meant; every
   * product with additions counts, as only the driver adds stock to the suite's fresh stack.
   */
  List<Map<String, Object>> offendingProducts(Map<Integer, Long> added) {
    List<Map<String, Object>> offending = new ArrayList<>();
    List<Integer> products = keysOf(units, unitsGivenUp);
    added.keySet().stream().filter(p -> !products.contains(p)).forEach(products::add);
    for (int product : products) {
      long meant = units.getOrDefault(product, 0L);
      long givenUp = unitsGivenUp.getOrDefault(product, 0L);
      long found = added.getOrDefault(product, 0L);
      if (found < meant || found > meant + givenUp) {
        offending.add(
            Map.of("product_id", product, "added", found, "meant", meant, "given_up", givenUp));
      }
    }
    return offending;
  }

  private static <K extends Comparable<K>> List<K> keysOf(Map<K, ?> one, Map<K, ?> other) {
    TreeSet<K> keys = new TreeSet<>(one.keySet());
    keys.addAll(other.keySet());
    return new ArrayList<>(keys);
  }
}
