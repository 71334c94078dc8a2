package dev.lotussaga.contracts.order;

import java.time.Instant;
import java.util.Map;

/**
 * What a re-driven run of an order carries over from the runs before it, whose workflow was lost,
 * terminated, failed or timed out. The gateway fills it from its own records.
 *
 * @param generation 2 for the first re-driven run, then 3, ...; part of every event id, so that a
 *     new run's events are neither dropped as duplicates nor confused with an earlier run's
 * @param firstWaits when the order first waited for each resource: its deadlines count from there
 * @param cancelReason a cancel accepted before the re-drive, or {@code null}: the run then only
 *     compensates
 */
public record Resumption(int generation, Map<WaitingFor, Instant> firstWaits, String cancelReason) {

  /** A first run: nothing to carry over. */
  public static final Resumption FIRST_RUN = new Resumption(1, Map.of(), null);

  public Resumption {
    firstWaits = firstWaits == null ? Map.of() : Map.copyOf(firstWaits);
  }

  public boolean cancelled() {
    return cancelReason != null;
  }
}
