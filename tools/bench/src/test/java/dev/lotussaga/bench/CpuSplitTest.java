package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuSplitTest {

  private static final Map<String, Double> MINIMAL =
      Map.of(
          StackProcesses.TEMPORAL, 6.0,
          StackProcesses.KAFKA, 4.0,
          StackProcesses.DATABASE, 4.0,
          SagaBenchmark.BENCH_PROCESS, 10.0);

  @Test
  void splitsEachSideIntoTheInfrastructureAndTheJvmsThatUseIt() {
    Map<String, Double> saga =
        Map.of(
            StackProcesses.TEMPORAL,
            14.0,
            StackProcesses.KAFKA,
            7.0,
            StackProcesses.DATABASE,
            14.0,
            "workflows",
            22.0,
            "api-gateway",
            18.0);

    CpuSplit split = CpuSplit.of(saga, MINIMAL);

    assertThat(split.sagaInfrastructure()).isEqualTo(35.0);
    assertThat(split.sagaServices()).isEqualTo(40.0);
    assertThat(split.minimalInfrastructure()).isEqualTo(14.0);
    assertThat(split.minimalServices()).isEqualTo(10.0);
  }

  @Test
  void tellsWhenCheaperServicesAloneCannotMeetTheTarget() {
    Map<String, Double> saga =
        Map.of(StackProcesses.TEMPORAL, 14.0, StackProcesses.DATABASE, 14.0, "workflows", 40.0);

    CpuSplit split = CpuSplit.of(saga, MINIMAL);

    // (28 + the minimal saga's 10 for its JVM) / its 24 in all
    assertThat(split.ratioWereTheServicesAsCheapAsTheMinimalSagas())
        .isCloseTo(38 / 24.0, within(1e-9));
    assertThat(split.reachableByTheServicesAlone()).isFalse();
  }

  @Test
  void tellsWhenCheaperServicesWouldMeetTheTarget() {
    Map<String, Double> saga =
        Map.of(StackProcesses.TEMPORAL, 12.0, StackProcesses.DATABASE, 14.0, "workflows", 80.0);

    CpuSplit split = CpuSplit.of(saga, MINIMAL);

    assertThat(split.ratioWereTheServicesAsCheapAsTheMinimalSagas()).isCloseTo(1.5, within(1e-9));
    assertThat(split.reachableByTheServicesAlone()).isTrue();
    assertThat(split.json()).containsEntry("reachableByTheServicesAlone", true);
  }
}
