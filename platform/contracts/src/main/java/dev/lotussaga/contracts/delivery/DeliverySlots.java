package dev.lotussaga.contracts.delivery;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A courier delivers in hourly slots: each starts on the hour (UTC) and lasts an hour. Slots can be
 * booked from the next hour on, up to {@link #HORIZON} ahead.
 */
public final class DeliverySlots {

  public static final Duration LENGTH = Duration.ofHours(1);
  public static final Duration HORIZON = Duration.ofDays(30);

  /** How many days of free slots one listing may ask for. */
  public static final int MAX_LISTED_DAYS = 14;

  private DeliverySlots() {}

  public static boolean startsOnTheHour(Instant slot) {
    return slot.truncatedTo(ChronoUnit.HOURS).equals(slot);
  }

  /** The first slot that can still be booked at {@code now}: the next hour's. */
  public static Instant firstBookable(Instant now) {
    return now.truncatedTo(ChronoUnit.HOURS).plus(LENGTH);
  }

  /** Whether the slot has started (or passed) at {@code now}: it can no longer be booked. */
  public static boolean hasStarted(Instant slot, Instant now) {
    return !slot.isAfter(now);
  }

  public static boolean withinHorizon(Instant slot, Instant now) {
    return slot.isBefore(now.plus(HORIZON));
  }
}
