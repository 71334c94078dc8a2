package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one round drove, what it found, and how long it took. */
record RoundReport(
    String round,
    int ordersPlaced,
    int cancelsRequested,
    int wakeUpActions,
    int ordersChecked,
    long invariantChecks,
    List<String> violations,
    Map<String, Long> roundOrdersByState,
    Duration elapsed) {

  void print() {
    say(
        "%s: %d orders placed, %d cancels, %d top-ups/stock/acceptances; orders now %s",
        round, ordersPlaced, cancelsRequested, wakeUpActions, roundOrdersByState);
    say(
        "%s: %d invariant checks over %d orders and the books: %s (%.0f s)",
        round,
        invariantChecks,
        ordersChecked,
        violations.isEmpty() ? "all hold" : violations.size() + " VIOLATED",
        elapsed.toMillis() / 1000.0);
    violations.forEach(violation -> say("  VIOLATION %s", violation));
  }

  static void printSummary(List<RoundReport> reports, LotusApi api, EventLog events) {
    Map<String, Object> totals = totals(reports, api, events);
    say(
        "summary: %s orders driven over %s rounds, %s invariant checks, %s violations;"
            + " %s duplicate event copies on Kafka; HTTP 5xx while faults were on: %s (%s retries)",
        totals.get("ordersDriven"),
        totals.get("rounds"),
        totals.get("invariantChecks"),
        totals.get("violations"),
        totals.get("duplicateEventCopies"),
        totals.get("http5xxDuringFaults"),
        totals.get("retries"));
  }

  static void write(Path folder, List<RoundReport> reports, LotusApi api, EventLog events)
      throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> document = new LinkedHashMap<>(totals(reports, api, events));
    document.put(
        "byRound",
        reports.stream()
            .map(
                report -> {
                  Map<String, Object> round = new LinkedHashMap<>();
                  round.put("round", report.round());
                  round.put("ordersPlaced", report.ordersPlaced());
                  round.put("cancelsRequested", report.cancelsRequested());
                  round.put("wakeUpActions", report.wakeUpActions());
                  round.put("ordersChecked", report.ordersChecked());
                  round.put("invariantChecks", report.invariantChecks());
                  round.put("violations", report.violations());
                  round.put("ordersByState", report.roundOrdersByState());
                  round.put("seconds", report.elapsed().toMillis() / 1000.0);
                  return round;
                })
            .toList());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(folder.resolve("faults.json").toFile(), document);
  }

  private static Map<String, Object> totals(
      List<RoundReport> reports, LotusApi api, EventLog events) {
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("rounds", reports.size());
    totals.put("ordersDriven", reports.stream().mapToInt(RoundReport::ordersPlaced).sum());
    totals.put("invariantChecks", reports.stream().mapToLong(RoundReport::invariantChecks).sum());
    totals.put("violations", reports.stream().mapToInt(report -> report.violations().size()).sum());
    totals.put("eventsReceived", events.received());
    totals.put("duplicateEventCopies", events.copies());
    totals.put("http5xxDuringFaults", new TreeMap<>(api.serverErrors));
    totals.put("retries", api.retries.get());
    return totals;
  }
}
