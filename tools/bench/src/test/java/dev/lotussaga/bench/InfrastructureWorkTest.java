package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class InfrastructureWorkTest {

  @Test
  void takesOffTheTransactionIdThatReadingTheCountersHandsOut() {
    Map<String, Double> before =
        Map.of(
            InfrastructureWork.WRITE_TRANSACTIONS, 1000.0,
            InfrastructureWork.WAL_BYTES, 50_000.0,
            InfrastructureWork.KAFKA_RECORDS, 300.0);
    Map<String, Double> after =
        Map.of(
            InfrastructureWork.WRITE_TRANSACTIONS, 1101.0,
            InfrastructureWork.WAL_BYTES, 90_000.0,
            InfrastructureWork.KAFKA_RECORDS, 330.0);

    assertThat(InfrastructureWork.between(before, after))
        .containsEntry(InfrastructureWork.WRITE_TRANSACTIONS, 100.0)
        .containsEntry(InfrastructureWork.WAL_BYTES, 40_000.0)
        .containsEntry(InfrastructureWork.KAFKA_RECORDS, 30.0);
  }
}
