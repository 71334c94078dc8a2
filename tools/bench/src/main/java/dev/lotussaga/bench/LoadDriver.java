package dev.lotussaga.bench;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * Drives one {@link OrderFlow} for one phase: closed loop (each client places its next order when
 * the last one finished: saturated throughput) or a fixed arrival rate (orders arrive on a clock,
 * whatever the flow's state: latency at a given load). Both end only when every order placed has
 * finished or was given up on, so that a phase leaves no work to the next one.
 */
final class LoadDriver {

  static final Duration ORDER_TIMEOUT = Duration.ofSeconds(30);

  /**
   * What one phase measured; {@code skipped}: arrivals not sent because too many were open; {@code
   * errorReasons}: how many orders failed for each reason.
   */
  record Phase(
      Latencies place,
      Latencies endToEnd,
      int completed,
      int skipped,
      Duration elapsed,
      Map<String, Integer> errorReasons) {

    int errors() {
      return errorReasons.values().stream().mapToInt(Integer::intValue).sum();
    }
  }

  private LoadDriver() {}

  static Phase closedLoop(OrderFlow flow, int clients, Duration duration, int maxOrders)
      throws Exception {
    Latencies place = new Latencies();
    Latencies endToEnd = new Latencies();
    AtomicInteger completed = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    AtomicInteger started = new AtomicInteger();
    long begin = System.nanoTime();
    long end = begin + duration.toNanos();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> running = new ArrayList<>();
    for (int c = 0; c < clients; c++) {
      int client = c;
      running.add(
          pool.submit(
              () -> {
                while (System.nanoTime() < end && started.incrementAndGet() <= maxOrders) {
                  String failed = follow(flow, client, System.nanoTime(), place, endToEnd);
                  if (failed == null) {
                    completed.incrementAndGet();
                  } else {
                    errors.merge(failed, 1, Integer::sum);
                  }
                }
                return null;
              }));
    }
    for (Future<?> client : running) {
      client.get();
    }
    pool.shutdown();
    return new Phase(
        place,
        endToEnd,
        completed.get(),
        0,
        Duration.ofNanos(System.nanoTime() - begin),
        Map.copyOf(errors));
  }

  /**
   * One order every 1/perSecond seconds for {@code duration}; at most {@code maxInFlight} open at
   * once (an arrival beyond that is counted as skipped, not queued in the bench). Latencies count
   * from the moment the order was due, so a late dispatch is charged to the flow, not hidden.
   */
  static Phase fixedRate(OrderFlow flow, double perSecond, Duration duration, int maxInFlight)
      throws Exception {
    Latencies place = new Latencies();
    Latencies endToEnd = new Latencies();
    AtomicInteger completed = new AtomicInteger();
    Map<String, Integer> errors = new ConcurrentHashMap<>();
    int skipped = 0;
    Semaphore open = new Semaphore(maxInFlight);
    ExecutorService pool = Executors.newCachedThreadPool();
    long interval = (long) (1e9 / perSecond);
    long begin = System.nanoTime();
    long end = begin + duration.toNanos();
    for (int i = 0; ; i++) {
      long due = begin + i * interval;
      if (due >= end) {
        break;
      }
      long wait = due - System.nanoTime();
      if (wait > 0) {
        LockSupport.parkNanos(wait);
      }
      if (!open.tryAcquire()) {
        skipped++;
        continue;
      }
      int buyer = i;
      pool.execute(
          () -> {
            try {
              String failed = follow(flow, buyer, due, place, endToEnd);
              if (failed == null) {
                completed.incrementAndGet();
              } else {
                errors.merge(failed, 1, Integer::sum);
              }
            } finally {
              open.release();
            }
          });
    }
    pool.shutdown();
    pool.awaitTermination(ORDER_TIMEOUT.multipliedBy(3).toSeconds(), TimeUnit.SECONDS);
    return new Phase(
        place,
        endToEnd,
        completed.get(),
        skipped,
        Duration.ofNanos(System.nanoTime() - begin),
        Map.copyOf(errors));
  }

  /**
   * Places one order and waits for its end; null when it finished, else why not (refused, failed or
   * not finished in time).
   */
  private static String follow(
      OrderFlow flow, int buyer, long t0, Latencies place, Latencies endToEnd) {
    try {
      String orderId = flow.place(buyer);
      long accepted = System.nanoTime();
      place.record(Duration.ofNanos(accepted - t0));
      try {
        long seen = flow.finished(orderId).get(ORDER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        endToEnd.record(Duration.ofNanos(seen - t0));
        return null;
      } catch (TimeoutException e) {
        flow.forget(orderId);
        return "not finished within " + ORDER_TIMEOUT.toSeconds() + " s";
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "interrupted";
    } catch (ExecutionException e) {
      return reason(e.getCause());
    } catch (Exception e) {
      return reason(e);
    }
  }

  private static String reason(Throwable failure) {
    String reason = failure.getClass().getSimpleName() + ": " + failure.getMessage();
    return reason.length() <= 200 ? reason : reason.substring(0, 200) + "…";
  }
}
