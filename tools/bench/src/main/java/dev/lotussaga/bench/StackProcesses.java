package dev.lotussaga.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.DoubleStream;
import java.util.stream.Stream;

/** Resident set size and CPU time of the stack's processes, read from /proc. */
final class StackProcesses {

  /** PostgreSQL's processes together: the database is part of what each order costs. */
  static final String DATABASE = "postgresql";

  /** Temporal's test server; Kafka's broker too unless that runs as {@link #KAFKA}. */
  static final String TEMPORAL = "local-stack";

  /** The broker, when the stack runs it in a process of its own (as ./lotus bench does). */
  static final String KAFKA = "kafka";

  private final Map<String, Long> pids = new LinkedHashMap<>();

  /** {@code spec}: "name=pid,name=pid" as the launcher passes it; empty means none known. */
  StackProcesses(String spec) {
    for (String pair : spec.split(",")) {
      String[] parts = pair.split("=");
      if (parts.length == 2) {
        pids.put(parts[0], Long.parseLong(parts[1].trim()));
      }
    }
  }

  Map<String, Long> sampleMegabytes() {
    Map<String, Long> sample = new LinkedHashMap<>();
    pids.forEach((name, pid) -> sample.put(name, rssMegabytes(pid)));
    return sample;
  }

  /**
   * CPU seconds (user + system) each process has used so far, plus all of PostgreSQL's processes on
   * this machine when there are any (the benchmark's database is the only busy one here).
   */
  Map<String, Double> sampleCpuSeconds() {
    Map<String, Double> sample = new LinkedHashMap<>();
    pids.forEach((name, pid) -> sample.put(name, cpuSeconds(pid)));
    if (!pids.isEmpty()) {
      databaseCpuSeconds().ifPresent(seconds -> sample.put(DATABASE, seconds));
    }
    return sample;
  }

  /** CPU seconds the named process has used so far, if it is one of the stack's. */
  Optional<Double> cpuSecondsOf(String name) {
    return Optional.ofNullable(pids.get(name)).map(StackProcesses::cpuSeconds);
  }

  /** CPU seconds this process (load, delivery watches, baselines' clients and workers) has used. */
  static double ownCpuSeconds() {
    return cpuSeconds(ProcessHandle.current().pid());
  }

  private static Optional<Double> databaseCpuSeconds() {
    try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
      double[] seconds =
          processes
              .filter(dir -> dir.getFileName().toString().chars().allMatch(Character::isDigit))
              .filter(dir -> "postgres".equals(command(dir)))
              .mapToDouble(dir -> cpuSeconds(Long.parseLong(dir.getFileName().toString())))
              .filter(used -> used >= 0)
              .toArray();
      return seconds.length == 0 ? Optional.empty() : Optional.of(DoubleStream.of(seconds).sum());
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  private static String command(Path processDirectory) {
    try {
      return Files.readString(processDirectory.resolve("comm")).trim();
    } catch (IOException e) {
      return "";
    }
  }

  private static double cpuSeconds(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // utime and stime are fields 14 and 15 of /proc/PID/stat, in clock ticks (100 per second).
      return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private static long rssMegabytes(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        }
      }
    } catch (IOException | NumberFormatException e) {
      return -1;
    }
    return -1;
  }
}
