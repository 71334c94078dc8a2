package dev.lotussaga.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Resident set size of the stack's processes, read from /proc. */
final class ResidentMemory {

  private final Map<String, Long> pids = new LinkedHashMap<>();

  /** {@code spec}: "name=pid,name=pid" as the launcher passes it; empty means none known. */
  ResidentMemory(String spec) {
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
