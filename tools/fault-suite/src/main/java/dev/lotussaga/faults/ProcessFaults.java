package dev.lotussaga.faults;

import static dev.lotussaga.faults.FaultSuite.say;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The rounds' process faults, which the suite runs itself halfway through a round: each is a
 * command of the local stack's {@code tools/local-stack/process-faults.sh}, run in the suite's own
 * environment (that of its stack), which exits 0 only once the fault happened and the stack is
 * back. Any other end fails the run: a fault that did not happen would pass a calm round off as
 * that fault's round.
 */
final class ProcessFaults {

  /** The fault was not injected, or the stack did not come back from it. */
  static final class FaultNotInjected extends RuntimeException {
    FaultNotInjected(String round, String why) {
      super("the " + round + " fault did not happen: " + why);
    }
  }

  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);

  private final Path script;
  private final Duration temporalOutage;
  private final Duration postgresOutage;
  private volatile Process running;
  private Thread output;
  private volatile String lastLine = "";
  private String notStarted;
  private int injected;

  ProcessFaults(Path script, Duration temporalOutage, Duration postgresOutage) {
    this.script = script;
    this.temporalOutage = temporalOutage;
    this.postgresOutage = postgresOutage;
    Runtime.getRuntime().addShutdownHook(new Thread(this::stopRunning, "process-faults-stop"));
  }

  /** The script's command and arguments for a round's fault; empty when it has none. */
  List<String> commandFor(String round) {
    return switch (round) {
      case "kill-workers" -> List.of("kill-restart", "workflows", "activities-billing");
      case "restart-kafka" -> List.of("kill-restart", "kafka");
      // the embedded Temporal server, in a process of its own: it comes back empty
      case "restart-temporal" -> List.of("kill-restart", "local-stack");
      case "kill-gateway" -> List.of("kill-restart", "api-gateway");
      case "restart-postgres" -> List.of("restart-postgres");
      // round poison: PostgreSQL away while the poison record and the round's events flow
      case "poison" -> List.of("stop-postgres", seconds(postgresOutage));
      case TemporalOutage.ROUND -> List.of("freeze-temporal", seconds(temporalOutage));
      default -> List.of();
    };
  }

  /** Starts the round's fault and returns at once; the round's other clients keep placing. */
  synchronized void start(String round) {
    lastLine = "";
    running = null;
    notStarted = null;
    if (commandFor(round).isEmpty()) {
      notStarted = "the suite knows no process fault for a round named " + round;
      return;
    }
    List<String> command = new ArrayList<>(List.of("bash", script.toString()));
    command.addAll(commandFor(round));
    say("%s: running %s", round, String.join(" ", command));
    try {
      running = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      notStarted = "cannot run " + script + ": " + e;
      return;
    }
    output = new Thread(() -> echo(running), "process-fault-output");
    output.setDaemon(true);
    output.start();
  }

  /** Waits until the fault happened and the stack is back; throws when it did not. */
  synchronized void awaitRecovery(String round) throws InterruptedException {
    if (notStarted != null) {
      throw new FaultNotInjected(round, notStarted);
    }
    if (running == null) {
      throw new FaultNotInjected(round, "it was never started");
    }
    Process fault = running;
    if (!fault.waitFor(RECOVERY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
      stopRunning();
      throw new FaultNotInjected(round, "the stack was not back after " + RECOVERY_TIMEOUT);
    }
    output.join();
    running = null;
    if (fault.exitValue() != 0) {
      throw new FaultNotInjected(
          round,
          "exit code " + fault.exitValue() + " of " + script + ": " + withoutColours(lastLine));
    }
    injected++;
    say("%s: fault injected; the stack is back", round);
  }

  /** How many process faults happened, each checked. */
  synchronized int injected() {
    return injected;
  }

  /** Passes the script's lines on as they come, keeping the last one for a failure. */
  private void echo(Process fault) {
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(fault.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        System.out.println(line);
        lastLine = line;
      }
    } catch (IOException closed) {
      // the script was stopped; its exit code, not its output, says what happened
    }
  }

  private static String withoutColours(String line) {
    return line.replaceAll("\u001B\\[[0-9;]*m", "");
  }

  /** A fault left running (the suite gave up or was stopped) must not restart anything later. */
  private void stopRunning() {
    Process fault = running;
    if (fault != null && fault.isAlive()) {
      fault.descendants().forEach(ProcessHandle::destroyForcibly);
      fault.destroyForcibly();
    }
  }

  private static String seconds(Duration duration) {
    return Long.toString(duration.toSeconds());
  }
}
