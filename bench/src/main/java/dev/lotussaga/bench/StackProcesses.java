package dev.lotussaga.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident set size and CPU time of the stack's processes, read from /proc. */
final class StackProcesses {

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

  /** CPU seconds (user + system) each process has used so far. */
  Map<String, Double> sampleCpuSeconds() {
    Map<String, Double> sample = new LinkedHashMap<>();
    pids.forEach((name, pid) -> sample.put(name, cpuSeconds(pid)));
    return sample;
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
