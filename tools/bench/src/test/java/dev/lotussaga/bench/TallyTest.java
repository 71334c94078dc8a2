package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TallyTest {

  @Test
  void addsUpWhyOrdersFailedOverItsPhases() {
    Tally tally = new Tally("saga", null);

    tally.add(phase(Map.of("not finished within 30 s", 2)), Map.of(), Map.of());
    tally.add(
        phase(Map.of("not finished within 30 s", 1, "IllegalStateException: 503", 1)),
        Map.of(),
        Map.of());

    assertThat(tally.errors()).isEqualTo(4);
    assertThat(tally.errorReasons())
        .containsExactly(
            Map.entry("IllegalStateException: 503", 1), Map.entry("not finished within 30 s", 3));
    assertThat(tally.json()).containsEntry("errors", 4);
  }

  private static LoadDriver.Phase phase(Map<String, Integer> errorReasons) {
    return new LoadDriver.Phase(
        new Latencies(), new Latencies(), 10, 0, Duration.ofSeconds(1), errorReasons);
  }
}
