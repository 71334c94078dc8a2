package dev.lotussaga.faults;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./lotus faults}: for each round, drives a batch of orders through the HTTP API, has one
 * fault injected mid-flight (the round named "calm" injects none), lets everything settle and
 * checks the invariants over every order so far. Exits non-zero when an invariant is broken.
 */
public final class FaultSuite {

  private FaultSuite() {}

  public static void main(String[] roundNames) throws Exception {
    SuiteSettings settings = SuiteSettings.fromEnvironment();
    settings.requireLoopbackTemporal();
    LotusApi api = new LotusApi(settings.gateway());
    Database database = new Database(settings);
    List<RoundReport> reports = new ArrayList<>();
    boolean allHold = true;
    try (Workflows workflows = new Workflows(settings.temporalTarget());
        EventLog events = new EventLog(settings.kafkaBootstrap())) {
      WakeUps wakeUps =
          new WakeUps(api, api.login(settings.staffEmail(), settings.staffPassword()));
      Round rounds = new Round(settings, api, database, workflows, events, wakeUps);
      try {
        for (String round : roundNames) {
          RoundReport report = rounds.run(round);
          reports.add(report);
          report.print();
          allHold &= report.violations().isEmpty();
        }
      } catch (ProcessFaults.FaultNotInjected e) {
        say("%s, so the fault suite fails (see above)", e.getMessage());
        System.exit(1);
      }
      RoundReport.printSummary(reports, rounds.processFaults(), api, events);
      RoundReport.write(settings.results(), reports, rounds.processFaults(), api, events);
    }
    System.exit(allHold ? 0 : 1);
  }

  static void say(String format, Object... arguments) {
    System.out.printf("faults: " + format + "%n", arguments);
  }
}
