package dev.lotussaga.gateway.attack;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/** How many cases each endpoint ran, by answer status. */
final class Tally {

  private final Map<String, Map<Integer, Integer>> byEndpoint = new ConcurrentHashMap<>();

  void count(String endpoint, int status) {
    byEndpoint.computeIfAbsent(endpoint, e -> new TreeMap<>()).merge(status, 1, Integer::sum);
  }

  int cases() {
    return byEndpoint.keySet().stream().mapToInt(this::cases).sum();
  }

  int cases(String endpoint) {
    return byEndpoint.getOrDefault(endpoint, Map.of()).values().stream().mapToInt(i -> i).sum();
  }

  int clientErrors(String endpoint) {
    return byEndpoint.getOrDefault(endpoint, Map.of()).entrySet().stream()
        .filter(e -> e.getKey() / 100 == 4)
        .mapToInt(Map.Entry::getValue)
        .sum();
  }

  int clientErrors() {
    return byEndpoint.keySet().stream().mapToInt(this::clientErrors).sum();
  }

  String report() {
    return byEndpoint.entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .map(
            e ->
                String.format(
                    "%-28s %5d cases, %5d 4xx  %s",
                    e.getKey(), cases(e.getKey()), clientErrors(e.getKey()), e.getValue()))
        .collect(Collectors.joining("\n"));
  }
}
