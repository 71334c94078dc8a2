package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.faults.OrderTraffic.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code ./lotus faults}: for each round, drives a batch of orders through the HTTP API, has one
 * fault injected mid-flight (the round named "calm" injects none), lets everything settle and
 * checks the invariants over every order so far. Exits non-zero when an invariant is broken.
 */
public final class FaultSuite {

  private FaultSuite() {}

  public static void main(String[] rounds) throws Exception {
    SuiteSettings settings = SuiteSettings.fromEnvironment();
    LotusApi api = new LotusApi(settings.gateway());
    Database database = new Database(settings);
    FaultRequests faults = new FaultRequests(settings.markerFile());
    List<Order> everyOrder = new ArrayList<>();
    List<RoundReport> reports = new ArrayList<>();
    boolean allHold = true;
    try (Workflows workflows = new Workflows(settings.temporalTarget());
        EventLog events = new EventLog(settings.kafkaBootstrap())) {
      WakeUps wakeUps =
          new WakeUps(api, api.login(settings.staffEmail(), settings.staffPassword()));
      Settling settling =
          new Settling(workflows, wakeUps, events, database, settings.settleTimeout());
      for (String round : rounds) {
        long started = System.nanoTime();
        int actionsBefore = wakeUps.actions();
        int cancelsBefore = wakeUps.lateCancels();
        OrderTraffic traffic = new OrderTraffic(round, settings, api);
        traffic.prepareBuyers();
        boolean injects = !round.equals("calm");
        traffic.placeAll(
            () -> {
              if (injects) {
                say(
                    "%s: %d orders placed, injecting the fault",
                    round, settings.ordersPerRound() / 2);
                faults.request(round);
              }
            });
        if (injects) {
          faults.awaitRecovery(round);
        }
        everyOrder.addAll(traffic.orders());
        Map<Order, OrderStatus> statuses = settling.settle(everyOrder);
        Verdict verdict = new Verdict();
        new LedgerChecks(database).run(verdict);
        int ordersChecked = new OrderChecks(database, workflows, events).run(verdict);
        verdict.holds(
            "while a part is down the gateway answers 503, never 500",
            round,
            !api.serverErrors.containsKey(500),
            "5xx answers so far: " + api.serverErrors);
        RoundReport report =
            new RoundReport(
                round,
                traffic.orders().size(),
                traffic.earlyCancels() + wakeUps.lateCancels() - cancelsBefore,
                wakeUps.actions() - actionsBefore,
                ordersChecked,
                verdict.checks(),
                verdict.violations(),
                byState(statuses),
                Duration.ofNanos(System.nanoTime() - started));
        reports.add(report);
        report.print();
        allHold &= verdict.violations().isEmpty();
      }
      RoundReport.printSummary(reports, api, events);
      RoundReport.write(settings.results(), reports, api, events);
    }
    System.exit(allHold ? 0 : 1);
  }

  private static Map<String, Long> byState(Map<Order, OrderStatus> statuses) {
    return statuses.values().stream()
        .collect(
            Collectors.groupingBy(
                status ->
                    status.waitingFor() == null
                        ? status.state().name()
                        : status.state() + "/" + status.waitingFor(),
                TreeMap::new,
                Collectors.counting()));
  }

  static void say(String format, Object... arguments) {
    System.out.printf("faults: " + format + "%n", arguments);
  }
}
