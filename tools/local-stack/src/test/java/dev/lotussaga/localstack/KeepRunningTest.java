package dev.lotussaga.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./lotus up}'s watch over its processes ({@code keep_running} in stack.sh), run by bash on
 * a stand-in process: a {@code sleep} in place of a JVM, killed as an out-of-memory JVM exits.
 */
class KeepRunningTest {

  @TempDir Path state;

  @AfterEach
  void stopTheStandIn() throws Exception {
    run("kill_process standin KILL");
  }

  @Test
  void startsAProcessThatEndedAgainAndSaysSo() throws Exception {
    Result result =
        run(
            """
            launch standin
            first=$(pid_of standin)
            kill -KILL "$first"
            while alive "$first"; do sleep 0.05; done
            keep_running
            second=$(pid_of standin)
            [[ "$second" != "$first" ]] && alive "$second" && echo "running again"
            """);

    assertThat(result.exitCode()).isZero();
    assertThat(result.output())
        .contains("standin (process ")
        .contains("ended (log above); started again as process ")
        .contains("running again");
  }

  @Test
  void stopsTheStackWhenAProcessEndsAgainSoonAfterItsRestart() throws Exception {
    Result result =
        run(
            """
            launch standin
            for round in 1 2; do
              pid=$(pid_of standin)
              kill -KILL "$pid"
              while alive "$pid"; do sleep 0.05; done
              keep_running
            done
            echo "still watching"
            """);

    assertThat(result.exitCode()).isEqualTo(1);
    assertThat(result.output())
        .contains("ended again within 60s of being started again; stopping the stack")
        .doesNotContain("still watching");
  }

  @Test
  void leavesARunningProcessAlone() throws Exception {
    Result result =
        run(
            """
            launch standin
            before=$(pid_of standin)
            keep_running
            [[ "$(pid_of standin)" == "$before" ]] && echo "same process"
            """);

    assertThat(result.exitCode()).isZero();
    assertThat(result.output()).contains("same process").doesNotContain("started again");
  }

  private record Result(int exitCode, String output) {}

  /** Runs the body with stack.sh's functions over one stand-in process in a state folder. */
  private Result run(String body) throws IOException, InterruptedException {
    Path stackDir = state.resolve("stack");
    Files.createDirectories(stackDir);
    Files.writeString(stackDir.resolve("standin.cmd"), "sleep\n300\n");
    String script =
        """
        set -euo pipefail
        source stack.sh
        STATE='%s'
        STACK_DIR='%s'
        STACK_PROCESSES=(standin)
        EMBEDDED_TEMPORAL=false
        EMBEDDED_KAFKA=false
        LOCAL_STACK_PARTS=
        %s
        """
            .formatted(state, stackDir, body);
    Process bash = new ProcessBuilder("bash", "-c", script).redirectErrorStream(true).start();
    String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(bash.exitValue(), output);
  }
}
