package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.faults.OrderTraffic.Order;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The {@code temporal-outage} round, seen from the suite. {@link ProcessFaults} freezes the
 * Temporal server (SIGSTOP of its process: unreachable, its workflows kept) for two minutes.
 * Meanwhile buyers top up and staff add stock for the orders they see waiting in the services'
 * lines (in PostgreSQL, as Temporal cannot be asked), so wake-ups pile up in the outboxes; once a
 * second it counts them (in SQL, and in the billing and stock services' {@code
 * lotus_outbox_pending}) and asks Temporal for its system info. Afterwards: Temporal did not
 * answer, the backlog rose, and once the round settled it drained to 0 with nothing parked. In
 * every round: no wake-up parked as dead.
 */
final class TemporalOutage {

  static final String ROUND = "temporal-outage";

  private static final String NOTHING_PARKED = "no wake-up parked as dead in an outbox";
  private static final String TEMPORAL_SILENT = "Temporal did not answer while it was stopped";
  private static final String ACTED = "top-ups and stock arrivals went on during the outage";
  private static final String ROSE = "the outbox backlog rose during the outage";
  private static final String DRAINED = "the outboxes drained after the outage, nothing parked";
  private static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);
  private static final String OUTBOXES = "billing, stock, delivery";

  private final String temporalTarget;
  private final Database database;
  private final WakeUps wakeUps;
  private final Map<String, URI> metrics;
  private final PrometheusPages prometheus = new PrometheusPages(Duration.ofSeconds(5));

  private volatile boolean watching;
  private Thread watcher;
  private WorkflowServiceStubs temporal;
  private int probes;
  private int unanswered;
  private int actions;
  private long peakRows;
  private final Map<String, Double> peakGauges = new LinkedHashMap<>();
  private String firstProblem;

  TemporalOutage(SuiteSettings settings, Database database, WakeUps wakeUps) {
    this.temporalTarget = settings.temporalTarget();
    this.database = database;
    this.wakeUps = wakeUps;
    // the stack's scripts export where each service listens (ports shift with the stack's offset)
    this.metrics = new LinkedHashMap<>();
    metrics.put("billing", serviceUrl("LOTUS_BILLING_URL", 8091));
    metrics.put("stock", serviceUrl("LOTUS_STOCK_URL", 8092));
  }

  /** Starts watching and acting once the fault is requested; {@code orders}: every order so far. */
  void begin(Supplier<List<Order>> orders) {
    probes = unanswered = actions = 0;
    peakRows = 0;
    peakGauges.clear();
    firstProblem = null;
    temporal =
        WorkflowServiceStubs.newServiceStubs(
            WorkflowServiceStubsOptions.newBuilder().setTarget(temporalTarget).build());
    watching = true;
    watcher = new Thread(() -> watch(orders), "temporal-outage");
    watcher.setDaemon(true);
    watcher.start();
  }

  /** Stops once Temporal runs again (the fault is over); the round settles after this. */
  void end() throws InterruptedException {
    if (watcher == null) {
      return;
    }
    watching = false;
    watcher.join();
    watcher = null;
    temporal.shutdown();
  }

  private void watch(Supplier<List<Order>> orders) {
    while (watching) {
      long next = System.nanoTime() + TimeUnit.SECONDS.toNanos(1);
      probe();
      try {
        sampleBacklog();
        actOnWaitingLines(orders.get());
      } catch (Exception e) {
        if (firstProblem == null) {
          firstProblem = e.toString();
          say("%s: watching the outage: %s", ROUND, e);
        }
      }
      long rest = next - System.nanoTime();
      if (rest > 0) {
        try {
          TimeUnit.NANOSECONDS.sleep(rest);
        } catch (InterruptedException e) {
          return;
        }
      }
    }
  }

  /** Any answer counts (the test server leaves some calls unimplemented); silence does not. */
  private void probe() {
    probes++;
    try {
      temporal
          .blockingStub()
          .withDeadlineAfter(PROBE_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
          .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      Status.Code code = e.getStatus().getCode();
      if (code == Status.Code.DEADLINE_EXCEEDED || code == Status.Code.UNAVAILABLE) {
        unanswered++;
      }
    }
  }

  private void sampleBacklog() throws Exception {
    peakRows = Math.max(peakRows, pendingRows());
    for (var service : metrics.entrySet()) {
      Double pending = prometheus.sum(service.getValue(), "lotus_outbox_pending");
      if (pending != null) {
        peakGauges.merge(service.getKey(), pending, Math::max);
      }
    }
  }

  /**
   * What buyers and staff see waiting, from the lines; the same actions as after a round, once per
   * order, except cancels, which need Temporal and come once it is back.
   */
  private void actOnWaitingLines(List<Order> orders) throws Exception {
    Map<String, Order> known =
        orders.stream().collect(Collectors.toMap(Order::orderId, Function.identity(), (a, b) -> a));
    Map<Order, OrderStatus> waiting = new LinkedHashMap<>();
    collect(
        known, "billing", new OrderStatus(OrderState.ValidatingBilling, WaitingFor.FUNDS), waiting);
    collect(known, "stock", new OrderStatus(OrderState.ValidatingStock, WaitingFor.STOCK), waiting);
    actions += wakeUps.act(waiting);
  }

  private void collect(
      Map<String, Order> known, String schema, OrderStatus status, Map<Order, OrderStatus> into)
      throws Exception {
    for (Map<String, Object> row :
        database.rows("select order_id from " + schema + ".waiting_line order by id")) {
      Order order = known.get((String) row.get("order_id"));
      if (order != null && !WakeUps.cancelsOnceWaiting(order)) {
        into.putIfAbsent(order, status);
      }
    }
  }

  /** Checked after the round settled; {@code round} is the round just run. */
  void check(Verdict verdict, String round) throws Exception {
    List<Map<String, Object>> parked =
        database.rows(
            "select 'billing' as outbox, id, workflow_id, signal_name, attempts, last_error"
                + " from billing.signal_outbox where dead_at is not null"
                + " union all select 'stock', id, workflow_id, signal_name, attempts, last_error"
                + " from stock.signal_outbox where dead_at is not null"
                + " union all select 'delivery', id, workflow_id, signal_name, attempts,"
                + " last_error from delivery.signal_outbox where dead_at is not null");
    verdict.rows(NOTHING_PARKED, 3, parked);
    if (!round.equals(ROUND)) {
      return;
    }
    verdict.holds(
        TEMPORAL_SILENT,
        round,
        unanswered > 0,
        "all " + probes + " gRPC calls during the outage were answered: was it stopped?");
    verdict.holds(ACTED, round, actions > 0, "nobody topped up or added stock during the outage");
    boolean gaugesRose = peakGauges.values().stream().anyMatch(peak -> peak > 0);
    verdict.holds(
        ROSE,
        round,
        peakRows > 0 && gaugesRose,
        "peak " + peakRows + " rows in SQL, lotus_outbox_pending peaks " + peakGauges);
    Map<String, Double> after = drainedGauges();
    long rowsAfter = allRows();
    verdict.holds(
        DRAINED,
        round,
        rowsAfter == 0 && after.values().stream().allMatch(value -> value == 0),
        rowsAfter + " rows left in the outboxes (" + OUTBOXES + "), gauges " + after);
    say(
        "%s: %d of %d gRPC calls to Temporal unanswered during the outage; %d top-ups/stock"
            + " arrivals meanwhile; outbox backlog peaked at %d signals (lotus_outbox_pending"
            + " peaks %s), after settling %d rows and gauges %s%s",
        round,
        unanswered,
        probes,
        actions,
        peakRows,
        peakGauges,
        rowsAfter,
        after,
        firstProblem == null ? "" : "; first problem while watching: " + firstProblem);
  }

  /**
   * The gauges pending and dead of billing and stock, once they read 0 (they are counted at most
   * once a second) or after 10 s.
   */
  private Map<String, Double> drainedGauges() throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    Map<String, Double> values;
    do {
      values = new LinkedHashMap<>();
      for (var service : metrics.entrySet()) {
        for (String gauge : List.of("lotus_outbox_pending", "lotus_outbox_dead")) {
          Double value = prometheus.sum(service.getValue(), gauge);
          values.put(service.getKey() + " " + gauge, value == null ? Double.NaN : value);
        }
      }
      if (values.values().stream().allMatch(value -> value == 0)) {
        return values;
      }
      Thread.sleep(500);
    } while (System.nanoTime() < deadline);
    return values;
  }

  private long pendingRows() throws Exception {
    return database.count(
        "select (select count(*) from billing.signal_outbox where dead_at is null)"
            + " + (select count(*) from stock.signal_outbox where dead_at is null)"
            + " + (select count(*) from delivery.signal_outbox where dead_at is null)");
  }

  private long allRows() throws Exception {
    return database.count(
        "select (select count(*) from billing.signal_outbox)"
            + " + (select count(*) from stock.signal_outbox)"
            + " + (select count(*) from delivery.signal_outbox)");
  }

  private static URI serviceUrl(String variable, int localPort) {
    String url = System.getenv(variable);
    if (url == null || url.isBlank()) {
      url = "http://127.0.0.1:" + localPort;
    }
    return URI.create(url + "/actuator/prometheus");
  }
}
