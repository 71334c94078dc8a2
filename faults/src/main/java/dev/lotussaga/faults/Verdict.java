package dev.lotussaga.faults;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Counts the invariant checks run and keeps each violation with the rows that break it. */
final class Verdict {

  private long checks;
  private final List<String> violations = new ArrayList<>();

  void rows(String invariant, long subjects, List<Map<String, Object>> offending) {
    checks += subjects;
    if (!offending.isEmpty()) {
      violations.add(invariant + ": " + offending.size() + " offending rows " + offending);
    }
  }

  void holds(String invariant, String subject, boolean holds, String details) {
    checks++;
    if (!holds) {
      violations.add(invariant + " [" + subject + "]: " + details);
    }
  }

  long checks() {
    return checks;
  }

  List<String> violations() {
    return List.copyOf(violations);
  }
}
