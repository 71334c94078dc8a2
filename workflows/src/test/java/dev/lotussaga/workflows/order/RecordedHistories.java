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
 * Histories of the saga's paths, recorded by the workflow tests when {@code lotus.recordHistories}
 * is set and replayed by {@link OrderWorkflowReplayTest}. Re-record with {@code ./lotus
 * record-histories}, only after a deliberate, versioned change.
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

  /** Histories recorded by the current workflow version. */
  static List<Path> current() throws IOException {
    return in(FOLDER);
  }

  /**
   * Histories recorded by earlier workflow versions, one folder per versioned change, named after
   * the change they predate ({@code before-wait-deadlines}, {@code before-local-events}).
   */
  static List<Path> earlierVersions() throws IOException {
    try (Stream<Path> folders = Files.list(FOLDER)) {
      List<Path> histories = new java.util.ArrayList<>();
      for (Path folder : folders.filter(Files::isDirectory).sorted().toList()) {
        histories.addAll(in(folder));
      }
      return histories;
    }
  }

  private static List<Path> in(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
    }
  }
}
