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
    int workflowsTerminated,
    Redrives.Count redrives,
    int ordersChecked,
    long invariantChecks,
    List<String> violations,
    Map<String, Long> coverage,
    Map<String, Long> roundOrdersByState,
    Duration elapsed) {

  void print() {
    say(
        "%s: %d orders placed, %d cancels, %d top-ups/stock/acceptances; orders now %s",
        round, ordersPlaced, cancelsRequested, wakeUpActions, roundOrdersByState);
    say(
        "%s: re-driven so far: %s orders (run_generation > 1), %s by the gateway's counter since"
            + " its last start%s",
        round,
        redrives.orders() == null ? "?" : redrives.orders(),
        redrives.counter() == null ? "?" : String.format("%.0f", redrives.counter()),
        workflowsTerminated > 0 ? "; " + workflowsTerminated + " workflows terminated" : "");
    say(
        "%s: %d invariant checks over %d orders and the books: %s (%.0f s)",
        round,
        invariantChecks,
        ordersChecked,
        violations.isEmpty() ? "all hold" : violations.size() + " VIOLATED",
        elapsed.toMillis() / 1000.0);
    violations.forEach(violation -> say("  VIOLATION %s", violation));
  }

  static void printSummary(
      List<RoundReport> reports, int processFaults, LotusApi api, EventLog events) {
    Map<String, Object> totals = totals(reports, processFaults, api, events);
    say(
        "summary: %s orders driven over %s rounds, %s process faults, %s invariant checks,"
            + " %s violations;"
            + " %s duplicate event copies on Kafka; %s orders re-driven, %s workflows terminated;"
            + " HTTP 5xx while faults were on: %s (%s retries, %s without a gateway)",
        totals.get("ordersDriven"),
        totals.get("rounds"),
        totals.get("processFaults"),
        totals.get("invariantChecks"),
        totals.get("violations"),
        totals.get("duplicateEventCopies"),
        totals.get("ordersRedriven"),
        totals.get("workflowsTerminated"),
        totals.get("http5xxDuringFaults"),
        totals.get("retries"),
        totals.get("connectionErrors"));
  }

  static void write(
      Path folder, List<RoundReport> reports, int processFaults, LotusApi api, EventLog events)
      throws IOException {
    Files.createDirectories(folder);
    Map<String, Object> document = new LinkedHashMap<>(totals(reports, processFaults, api, events));
    document.put("byRound", reports.stream().map(RoundReport::asJson).toList());
    new ObjectMapper()
        .enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(folder.resolve("faults.json").toFile(), document);
  }

  private Map<String, Object> asJson() {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("round", round);
    json.put("ordersPlaced", ordersPlaced);
    json.put("cancelsRequested", cancelsRequested);
    json.put("wakeUpActions", wakeUpActions);
    json.put("workflowsTerminated", workflowsTerminated);
    json.put("ordersRedrivenSoFar", redrives.orders());
    json.put("redrivesCountedByGatewaySinceItsStart", redrives.counter());
    json.put("ordersChecked", ordersChecked);
    json.put("invariantChecks", invariantChecks);
    json.put("violations", violations);
    json.put("subjectsByInvariant", coverage);
    json.put("ordersByState", roundOrdersByState);
    json.put("seconds", elapsed.toMillis() / 1000.0);
    return json;
  }

  private static Map<String, Object> totals(
      List<RoundReport> reports, int processFaults, LotusApi api, EventLog events) {
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("rounds", reports.size());
    totals.put("processFaults", processFaults);
    totals.put("ordersDriven", reports.stream().mapToInt(RoundReport::ordersPlaced).sum());
    totals.put("invariantChecks", reports.stream().mapToLong(RoundReport::invariantChecks).sum());
    totals.put("violations", reports.stream().mapToInt(report -> report.violations().size()).sum());
    totals.put("eventsReceived", events.received());
    totals.put("duplicateEventCopies", events.copies());
    totals.put(
        "ordersRedriven",
        reports.isEmpty() ? null : reports.get(reports.size() - 1).redrives().orders());
    totals.put(
        "workflowsTerminated", reports.stream().mapToInt(RoundReport::workflowsTerminated).sum());
    totals.put("http5xxDuringFaults", new TreeMap<>(api.serverErrors));
    totals.put("retries", api.retries.get());
    totals.put("connectionErrors", api.connectionErrors.get());
    return totals;
  }
}
