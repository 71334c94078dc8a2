package dev.lotussaga.gateway.profile.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Failure streaks by key, bounded: quiet ones are dropped as they are met, and when full the least
 * recently used goes. Not thread-safe; {@link LoginThrottle} guards it.
 */
final class Streaks {

  /** Quiet streaks looked for per call: amortised clean-up, never a full scan. */
  private static final int SWEEP = 8;

  private final Map<String, FailureStreak> byKey;
  private final Duration forgetAfter;

  Streaks(int capacity, Duration forgetAfter) {
    this.forgetAfter = forgetAfter;
    this.byKey =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<String, FailureStreak> eldest) {
            return size() > capacity;
          }
        };
  }

  FailureStreak of(String key, Instant now) {
    sweep(now);
    FailureStreak streak = byKey.computeIfAbsent(key, k -> new FailureStreak());
    streak.forgetIfQuiet(now, forgetAfter);
    return streak;
  }

  int size() {
    return byKey.size();
  }

  private void sweep(Instant now) {
    Iterator<FailureStreak> eldestFirst = byKey.values().iterator();
    for (int i = 0; i < SWEEP && eldestFirst.hasNext(); i++) {
      if (eldestFirst.next().forgetIfQuiet(now, forgetAfter)) {
        eldestFirst.remove();
      }
    }
  }
}
