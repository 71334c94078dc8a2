package dev.lotussaga.workflows.order;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
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

  static List<Path> currentHistories() throws IOException {
    return nonEmpty(RecordedHistories.current());
  }

  static List<Path> historiesOfEarlierVersions() throws IOException {
    return nonEmpty(RecordedHistories.earlierVersions());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("currentHistories")
  void replaysHistoriesOfTheCurrentVersion(Path history) throws Exception {
    replay(history);
  }

  /**
   * Orders started before a change still run: each change (wait deadlines, local event activities)
   * is behind Workflow.getVersion.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("historiesOfEarlierVersions")
  void replaysHistoriesRecordedBeforeEachVersionedChange(Path history) throws Exception {
    replay(history);
  }

  /**
   * With the services' payload encryption: histories recorded before it are plain and pass through
   * the codec, later ones are encrypted with the test key.
   */
  private static void replay(Path history) throws Exception {
    replay(WorkflowExecutionHistory.fromJson(Files.readString(history)));
  }

  static void replay(WorkflowExecutionHistory history) throws Exception {
    try (TestWorkflowEnvironment replayer =
        TestWorkflowEnvironment.newInstance(TestEncryption.options().build())) {
      WorkflowReplayer.replayWorkflowExecution(history, replayer, OrderWorkflowImpl.class);
    }
  }

  private static List<Path> nonEmpty(List<Path> histories) {
    assertThat(histories).as("recorded histories").isNotEmpty();
    return histories;
  }
}
