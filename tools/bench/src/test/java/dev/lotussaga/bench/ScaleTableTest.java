package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleTableTest {

  @Test
  void aReadWithinOnePointTwoTimesItsSmallTableP99IsMet() {
    ScaleTable table = new ScaleTable("1k", "1M");
    table.add("GET /order", 10.0, 12.0);

    assertThat(table.rows().get(0).ratio()).isEqualTo(1.2);
    assertThat(table.rows().get(0).verdict()).isEqualTo("MET");
  }

  @Test
  void aReadThatGrowsWithTheTableIsMissed() {
    ScaleTable table = new ScaleTable("1k", "1M");
    table.add("metrics scrape", 5.0, 150.0);

    assertThat(table.rows().get(0).ratio()).isEqualTo(30.0);
    assertThat(table.rows().get(0).verdict()).isEqualTo("MISSED");
  }

  @Test
  void aReadNotMeasuredAtOneSizeIsSaidSo() {
    ScaleTable table = new ScaleTable("1k", "1M");
    table.add("GET /notification", Double.NaN, 3.0);
    table.add("GET /order", 0.0, 3.0);

    assertThat(table.rows()).extracting(ScaleTable.Row::verdict).containsOnly("NOT MEASURED");
  }

  @Test
  void printsOneLinePerReadUnderAHeaderAndTheSameInJson() {
    ScaleTable table = new ScaleTable("1k", "1M");
    table.add("GET /order", 10.0, 11.0);
    table.add("metrics scrape", 5.0, 150.0);

    assertThat(table.lines()).hasSize(3);
    assertThat(table.lines().get(0)).contains("at 1k", "at 1M", "ratio", "target");
    assertThat(table.lines().get(1)).contains("GET /order", "10.0", "11.0", "1.10", "MET");
    assertThat(table.lines().get(2)).contains("metrics scrape", "30.00", "MISSED");
    assertThat(table.json()).extracting(row -> row.get("verdict")).containsExactly("MET", "MISSED");
  }
}
