package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.bench.Targets.Figures;
import dev.lotussaga.bench.Targets.Target;
import java.util.List;
import org.junit.jupiter.api.Test;

class TargetsTest {

  private static final Figures MINIMAL = new Figures(20, 100, 50, 10);

  @Test
  void meetsEveryTargetExactlyAtItsLimit() {
    List<Target> targets = Targets.compare(new Figures(30, 67, 65, 15), MINIMAL);

    assertThat(targets).extracting(Target::verdict).containsOnly("MET");
    assertThat(targets).extracting(Target::ratio).containsExactly(1.5, 0.67, 1.3, 1.5);
  }

  @Test
  void missesCeilingsAboveAndTheFloorBelow() {
    List<Target> targets = Targets.compare(new Figures(30.1, 66.9, 65.1, 15.1), MINIMAL);

    assertThat(targets).extracting(Target::verdict).containsOnly("MISSED");
  }

  @Test
  void saysWhatWasNotMeasuredRatherThanGuessing() {
    Figures withoutCpu = new Figures(Double.NaN, 100, 50, 10);

    List<Target> targets = Targets.compare(withoutCpu, new Figures(Double.NaN, 100, 50, 10));

    assertThat(targets.get(0).verdict()).isEqualTo("NOT MEASURED");
    assertThat(targets.get(1).verdict()).isEqualTo("MET");
  }

  @Test
  void writesTheVerdictAndTheRatioToTheJsonResult() {
    Target cpu = Targets.compare(new Figures(60, 100, 50, 10), MINIMAL).get(0);

    assertThat(cpu.json())
        .containsEntry("target", "CPU per completed order (ms)")
        .containsEntry("ratio", 3.0)
        .containsEntry("limit", "<= 1.5")
        .containsEntry("verdict", "MISSED");
    assertThat(cpu.line()).contains("3.00").endsWith("MISSED");
  }
}
