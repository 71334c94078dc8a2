package dev.lotussaga.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProcessFaultsTest {

  @TempDir Path folder;

  @Test
  void runsEachRoundsFaultAsACommandOfTheProcessFaultsScript() throws Exception {
    Path arguments = folder.resolve("arguments");
    ProcessFaults faults = faultsRunning("echo \"$*\" >> '" + arguments + "'");

    for (String round : new String[] {"kill-workers", "temporal-outage", "poison"}) {
      faults.start(round);
      faults.awaitRecovery(round);
    }

    assertThat(Files.readAllLines(arguments))
        .containsExactly(
            "kill-restart workflows activities-billing", "freeze-temporal 90", "stop-postgres 30");
    assertThat(faults.injected()).isEqualTo(3);
  }

  @Test
  void failsTheRoundWhenTheScriptSaysTheFaultDidNotHappen() throws Exception {
    ProcessFaults faults =
        faultsRunning(
            "echo 'lotus: fault: kill -9 of kafka'; echo 'lotus: FAULT NOT INJECTED: no kafka';"
                + " exit 1");

    faults.start("restart-kafka");

    assertThatThrownBy(() -> faults.awaitRecovery("restart-kafka"))
        .isInstanceOf(ProcessFaults.FaultNotInjected.class)
        .hasMessageStartingWith("the restart-kafka fault did not happen: exit code 1")
        .hasMessageEndingWith("lotus: FAULT NOT INJECTED: no kafka");
    assertThat(faults.injected()).isZero();
  }

  @Test
  void aRoundWithoutAProcessFaultCannotPassForOne() throws Exception {
    ProcessFaults faults = faultsRunning("exit 0");

    faults.start("no-such-round");

    assertThatThrownBy(() -> faults.awaitRecovery("no-such-round"))
        .isInstanceOf(ProcessFaults.FaultNotInjected.class)
        .hasMessageContaining("knows no process fault");
  }

  private ProcessFaults faultsRunning(String body) throws IOException {
    Path script = Files.writeString(folder.resolve("process-faults.sh"), body + "\n");
    return new ProcessFaults(script, Duration.ofSeconds(90), Duration.ofSeconds(30));
  }
}
