package dev.lotussaga.faults;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The hand-over to whoever injects process faults (the {@code ./lotus faults} script, which owns
 * the processes): the suite writes the fault's name into {@code marker}, the script injects it,
 * recovers, and writes {@code marker.done}.
 */
final class FaultRequests {

  private static final Duration RECOVERY_TIMEOUT = Duration.ofMinutes(5);

  private final Path marker;
  private final Path done;

  FaultRequests(Path marker) {
    this.marker = marker;
    this.done = marker.resolveSibling(marker.getFileName() + ".done");
  }

  void request(String fault) {
    try {
      Files.deleteIfExists(done);
      Files.createDirectories(marker.toAbsolutePath().getParent());
      Files.writeString(marker, fault);
    } catch (IOException e) {
      throw new IllegalStateException("Cannot request fault " + fault + " at " + marker, e);
    }
  }

  /** Waits until the injector says the fault was injected and the stack recovered. */
  void awaitRecovery(String fault) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + RECOVERY_TIMEOUT.toNanos();
    while (!Files.exists(done)) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("Nobody injected " + fault + " (no " + done + ")");
      }
      Thread.sleep(200);
    }
    Files.delete(done);
  }
}
