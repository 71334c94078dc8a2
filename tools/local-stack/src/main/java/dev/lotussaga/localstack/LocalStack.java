package dev.lotussaga.localstack;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * Local only: Temporal's Java test server (a real gRPC endpoint, state in memory, timers in real
 * time) and a single-node Kafka broker in KRaft mode ({@link LocalKafka}). Prints a line starting
 * with "local-stack ready" once the selected parts are up; stops them on SIGINT/SIGTERM.
 *
 * <p>Both run in one process by default. LOTUS_LOCAL_STACK_PARTS ({@code temporal,kafka}, {@code
 * temporal} or {@code kafka}) runs one of them alone, so that the fault suite can kill and restart
 * the broker while Temporal keeps its in-memory workflows. Ports come from LOTUS_TEMPORAL_PORT
 * (7233) and LOTUS_KAFKA_PORT (9092); LOTUS_KAFKA_DATA_DIR keeps Kafka's data across restarts.
 */
public final class LocalStack {

  private static final Set<String> PARTS = Set.of("temporal", "kafka");

  private LocalStack() {}

  public static void main(String[] args) throws Exception {
    Set<String> parts = parts(env("LOTUS_LOCAL_STACK_PARTS").orElse("temporal,kafka"));
    Deque<AutoCloseable> running = new ConcurrentLinkedDeque<>();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.forEach(LocalStack::stop);
                  stopped.countDown();
                },
                "local-stack-shutdown"));

    List<String> ready = new ArrayList<>();
    try {
      if (parts.contains("temporal")) {
        int port = port("LOTUS_TEMPORAL_PORT", 7233);
        LocalTemporal temporal = LocalTemporal.start(port);
        running.push(temporal);
        TimerLockLog.discardEntries(temporal.services());
        ready.add("temporal 127.0.0.1:" + port + " (order search attributes registered)");
      }
      if (parts.contains("kafka")) {
        Optional<Path> dataDirectory = env("LOTUS_KAFKA_DATA_DIR").map(Path::of);
        LocalKafka kafka = LocalKafka.start(port("LOTUS_KAFKA_PORT", 9092), dataDirectory);
        running.push(kafka);
        ready.add("kafka " + kafka.bootstrapServers());
      }
    } catch (Exception e) {
      e.printStackTrace();
      System.exit(1); // the shutdown hook stops what did start
    }
    System.out.println("local-stack ready: " + String.join(", ", ready));
    stopped.await();
  }

  private static Set<String> parts(String value) {
    Set<String> parts =
        Arrays.stream(value.split(","))
            .map(String::trim)
            .filter(part -> !part.isEmpty())
            .collect(Collectors.toSet());
    if (parts.isEmpty() || !PARTS.containsAll(parts)) {
      System.err.println(
          "LOTUS_LOCAL_STACK_PARTS must be temporal,kafka (the default), temporal or kafka; got: "
              + value);
      System.exit(2);
    }
    return parts;
  }

  private static void stop(AutoCloseable part) {
    try {
      part.close();
    } catch (Exception e) {
      e.printStackTrace();
    }
  }

  private static Optional<String> env(String variable) {
    return Optional.ofNullable(System.getenv(variable)).filter(value -> !value.isBlank());
  }

  private static int port(String variable, int fallback) {
    return env(variable).map(Integer::parseInt).orElse(fallback);
  }
}
