package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Replays every recorded history against today's workflow code: a change that would break orders
 * already in flight (a non-deterministic change) fails here, before it reaches a worker.
 */
class OrderWorkflowReplayTest {

  static List<Path> recordedHistories() throws IOException {
    List<Path> histories = RecordedHistories.all();
    assertThat(histories).as("recorded histories under %s", RecordedHistories.FOLDER).isNotEmpty();
    return histories;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recordedHistories")
  void replaysRecordedHistoryWithoutNonDeterminism(Path history) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(
        WorkflowExecutionHistory.fromJson(Files.readString(history)), OrderWorkflowImpl.class);
  }
}
