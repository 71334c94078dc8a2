package dev.lotussaga.faults;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts the invariant checks run, how many subjects each invariant covered, and keeps each
 * violation with the rows that break it.
 */
final class Verdict {

  private long checks;
  private final Map<String, Long> coverage = new LinkedHashMap<>();
  private final List<String> violations = new ArrayList<>();

  void rows(String invariant, long subjects, List<Map<String, Object>> offending) {
    checks += subjects;
    coverage.merge(invariant, subjects, Long::sum);
    if (!offending.isEmpty()) {
      violations.add(invariant + ": " + offending.size() + " offending rows " + offending);
    }
  }

  void holds(String invariant, String subject, boolean holds, String details) {
    checks++;
    coverage.merge(invariant, 1L, Long::sum);
    if (!holds) {
      violations.add(invariant + " [" + subject + "]: " + details);
    }
  }

  /**
   * An invariant that looked at nothing holds whatever the stack did; when there was something to
   * look at, that is a broken check and fails the run.
   */
  void covered(String invariant, boolean somethingToCover, String expected) {
    checks++;
    long subjects = coverage.computeIfAbsent(invariant, any -> 0L);
    if (somethingToCover && subjects == 0) {
      violations.add(invariant + ": covered nothing, although " + expected);
    }
  }

  long checks() {
    return checks;
  }

  /** Subjects covered by each invariant, in the order they were first checked. */
  Map<String, Long> coverage() {
    return new LinkedHashMap<>(coverage);
  }

  List<String> violations() {
    return List.copyOf(violations);
  }
}
