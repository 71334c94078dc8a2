package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.faults.OrderTraffic.Order;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * One round: its orders placed from several clients with the round's fault injected halfway, then
 * everything settled and every invariant checked over every order so far. The suite injects the
 * process faults through the local stack's script ({@link ProcessFaults}) and {@code terminate}
 * through Temporal.
 */
final class Round {

  static final String CALM = "calm";
  static final String TERMINATE = "terminate";
  static final String POISON = "poison";

  private static final String TERMINATED_SOME = "the terminate round terminated a running workflow";

  private final SuiteSettings settings;
  private final LotusApi api;
  private final Database database;
  private final Workflows workflows;
  private final EventLog events;
  private final WakeUps wakeUps;
  private final Settling settling;
  private final ProcessFaults faults;
  private final Terminations terminations;
  private final Redrives redrives;
  private final PoisonRecords poison;
  private final DeadLetterChecks deadLetters;
  private final TemporalOutage outage;
  private final List<Order> everyOrder = new ArrayList<>();
  private int cancelsSoFar;

  Round(
      SuiteSettings settings,
      LotusApi api,
      Database database,
      Workflows workflows,
      EventLog events,
      WakeUps wakeUps) {
    this.settings = settings;
    this.api = api;
    this.database = database;
    this.workflows = workflows;
    this.events = events;
    this.wakeUps = wakeUps;
    this.settling = new Settling(workflows, wakeUps, events, database, settings.settleTimeout());
    this.faults =
        new ProcessFaults(
            settings.processFaultsScript(), settings.temporalOutage(), settings.postgresOutage());
    this.terminations = new Terminations(workflows, settings.terminatePercent());
    this.redrives = new Redrives(database, settings.gateway());
    this.poison = new PoisonRecords(settings.kafkaBootstrap());
    this.deadLetters = new DeadLetterChecks(settings.kafkaBootstrap(), poison);
    this.outage = new TemporalOutage(settings, database, wakeUps);
  }

  RoundReport run(String round) throws Exception {
    long started = System.nanoTime();
    int actionsBefore = wakeUps.actions();
    int lateCancelsBefore = wakeUps.lateCancels();
    int serverErrorsBefore = api.serverErrorCount();
    OrderTraffic traffic = new OrderTraffic(round, settings, api);
    traffic.prepareBuyers();
    AtomicInteger terminated = new AtomicInteger();
    traffic.placeAll(() -> injectMidFlight(round, traffic, terminated));
    if (!round.equals(CALM) && !round.equals(TERMINATE)) {
      faults.awaitRecovery(round);
    }
    outage.end();
    everyOrder.addAll(traffic.orders());
    Map<Order, OrderStatus> statuses = settling.settle(everyOrder);
    deadLetters.awaitConsumers();
    int cancels = traffic.earlyCancels() + wakeUps.lateCancels() - lateCancelsBefore;
    cancelsSoFar += cancels;

    Verdict verdict = new Verdict();
    new LedgerChecks(database).run(verdict);
    Map<String, OrderStatus> settled = new LinkedHashMap<>();
    statuses.forEach((order, status) -> settled.put(order.orderId(), status));
    int ordersChecked = new OrderChecks(database, workflows, events).run(verdict, settled);
    new AnswerChecks(database, api).run(verdict, settled, cancelsSoFar > 0, serverErrorsBefore);
    deadLetters.check(verdict);
    outage.check(verdict, round);
    if (round.equals(TERMINATE)) {
      verdict.holds(
          TERMINATED_SOME,
          round,
          terminated.get() > 0,
          "no order placed so far had a running workflow to terminate");
    }
    return new RoundReport(
        round,
        traffic.orders().size(),
        cancels,
        wakeUps.actions() - actionsBefore,
        terminated.get(),
        redrives.count(),
        ordersChecked,
        verdict.checks(),
        verdict.violations(),
        verdict.coverage(),
        byState(statuses),
        Duration.ofNanos(System.nanoTime() - started));
  }

  /** Runs on the client that placed the round's middle order; the others keep placing. */
  private void injectMidFlight(String round, OrderTraffic traffic, AtomicInteger terminated) {
    if (round.equals(CALM)) {
      return;
    }
    say("%s: %d orders placed, injecting the fault", round, settings.ordersPerRound() / 2);
    if (round.equals(TERMINATE)) {
      List<Order> placed = new ArrayList<>(everyOrder);
      placed.addAll(traffic.orders());
      terminated.set(terminations.terminateSome(placed));
    } else {
      if (round.equals(POISON)) {
        poison.publishOne(); // then PostgreSQL stops while events flow
      }
      faults.start(round);
      if (round.equals(TemporalOutage.ROUND)) {
        List<Order> before = List.copyOf(everyOrder);
        outage.begin(
            () -> {
              List<Order> placed = new ArrayList<>(before);
              placed.addAll(traffic.orders());
              return placed;
            });
      }
    }
  }

  /** Process faults injected so far, each checked to have happened. */
  int processFaults() {
    return faults.injected();
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
}
