package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class CpuChartTest {

  @Test
  void drawsOneSegmentPerProcessThatWorkedAndEachSidesTotal() {
    Tally saga = tally("saga", Map.of("workflows", 3.0, StackProcesses.TEMPORAL, 1.0), 100);
    Tally minimal = tally("minimal", Map.of(StackProcesses.TEMPORAL, 0.5), 100);

    String svg = CpuChart.of(List.of(saga, minimal));

    assertThat(Pattern.compile("<rect [^>]*><title>").matcher(svg).results().count()).isEqualTo(3);
    assertThat(svg)
        .contains("<title>workflows 30.0 ms</title>")
        .contains("<title>local-stack 10.0 ms</title>")
        .contains("<title>local-stack 5.0 ms</title>")
        .contains(">40.0</text>")
        .contains(">5.0</text>")
        .endsWith("</svg>\n");
  }

  /** A side that completed {@code orders} while the processes spent {@code cpuSeconds}. */
  private static Tally tally(String side, Map<String, Double> cpuSeconds, int orders) {
    Tally tally = new Tally(side, null);
    Map<String, Double> before = new java.util.HashMap<>();
    cpuSeconds.keySet().forEach(process -> before.put(process, 0.0));
    tally.add(
        new LoadDriver.Phase(
            new Latencies(), new Latencies(), orders, 0, Duration.ofSeconds(10), Map.of()),
        before,
        cpuSeconds);
    return tally;
  }
}
