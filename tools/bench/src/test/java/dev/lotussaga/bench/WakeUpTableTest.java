package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WakeUpTableTest {

  private static final WakeUpTable.Placement FOUR_PLACED =
      new WakeUpTable.Placement(4, 1, 1, 1.0, 2.0, 0);

  @Test
  void everyUnitToTheLinesFirstOrdersIsMet() {
    WakeUpTable table = new WakeUpTable(3, FOUR_PLACED);
    table.add(new WakeUpTable.Step("first half", 2, 2, 2, 2, 0, 1.0, 1.5, 0, 0));
    table.add(new WakeUpTable.Step("second half", 2, 4, 2, 4, 0, 1.0, 1.5, 1, 0));

    assertThat(table.verdict()).isEqualTo("MET");
    assertThat(table.wakeUpSeconds()).isEqualTo(3.0);
    assertThat(table.targetJson()).containsEntry("verdict", "MET").containsEntry("woken", 4);
  }

  @Test
  void aUnitToAnOrderFurtherBackIsMissed() {
    WakeUpTable table = new WakeUpTable(3, FOUR_PLACED);
    table.add(new WakeUpTable.Step("first half", 2, 2, 1, 1, 1, 1.0, 1.5, 0, 0));
    table.add(new WakeUpTable.Step("second half", 2, 4, 2, 4, 0, 1.0, 1.5, 0, 0));

    assertThat(table.verdict()).isEqualTo("MISSED");
  }

  @Test
  void anOrderLostOnTheWayIsMissed() {
    WakeUpTable table = new WakeUpTable(3, FOUR_PLACED);
    table.add(new WakeUpTable.Step("first half", 2, 2, 2, 2, 0, 1.0, 1.5, 0, 0));
    table.add(new WakeUpTable.Step("second half", 2, 4, 2, 4, 0, 1.0, 1.5, 0, 0));
    table.error("1 orders cancelled");

    assertThat(table.verdict()).isEqualTo("MISSED");
    assertThat(table.lines()).anyMatch(line -> line.contains("error: 1 orders cancelled"));
  }

  @Test
  void countsAdjacentPairsWokenTheOtherWayRound() {
    Instant t = Instant.parse("2026-12-01T00:00:00Z");
    Map<String, Instant> at =
        Map.of("a", t, "b", t.plusMillis(2), "c", t.plusMillis(1), "d", t.plusMillis(3));

    assertThat(StockLineWakeUp.swapped(List.of("a", "b", "c", "d"), at)).isEqualTo(1);
  }
}
