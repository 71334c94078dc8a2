package dev.lotussaga.faults;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Reads one metric off a service's {@code /actuator/prometheus} page. */
final class PrometheusPages {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();
  private final Duration timeout;

  PrometheusPages(Duration timeout) {
    this.timeout = timeout;
  }

  /** The metric summed over its series (labels); null when the page or the metric is missing. */
  Double sum(URI page, String metric) throws InterruptedException {
    HttpResponse<String> response;
    try {
      response =
          http.send(
              HttpRequest.newBuilder(page).timeout(timeout).GET().build(),
              HttpResponse.BodyHandlers.ofString());
    } catch (IOException unreachable) {
      return null;
    }
    if (response.statusCode() != 200) {
      return null;
    }
    Double sum = null;
    for (String line : response.body().lines().toList()) {
      if (line.startsWith(metric + "{") || line.startsWith(metric + " ")) {
        String value =
            line.contains("}")
                ? line.substring(line.indexOf('}') + 1)
                : line.substring(metric.length());
        sum = (sum == null ? 0 : sum) + Double.parseDouble(value.trim().split("\\s+")[0]);
      }
    }
    return sum;
  }
}
