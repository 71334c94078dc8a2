package dev.lotussaga.workflows.order;

import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInfo;

/**
 * Histories of the saga's paths, recorded by {@link OrderWorkflowTest} and replayed by {@link
 * OrderWorkflowReplayTest}. Re-record with {@code ./mvnw -pl workflows test
 * -Dtest=OrderWorkflowTest -Dlotus.recordHistories=true} (only after a deliberate, versioned
 * change).
 */
final class RecordedHistories {

  static final Path FOLDER = Path.of("src", "test", "resources", "histories");

  private RecordedHistories() {}

  static void recordIfAsked(WorkflowClient client, String workflowId, TestInfo test)
      throws IOException {
    if (!Boolean.getBoolean("lotus.recordHistories")) {
      return;
    }
    String name = test.getTestMethod().orElseThrow().getName();
    WorkflowExecutionHistory history = client.fetchHistory(workflowId);
    Files.createDirectories(FOLDER);
    Files.writeString(FOLDER.resolve(name + ".json"), history.toJson(true));
  }

  static List<Path> all() throws IOException {
    try (Stream<Path> files = Files.list(FOLDER)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
