package dev.lotussaga.gateway.apidocs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The endpoints the newman collection calls, as "METHOD /path" with every variable or id segment
 * written {} (so /order/{{c1OrderId}}/cancel is POST /order/{}/cancel), without query strings.
 */
final class NewmanEndpoints {

  static final Path COLLECTION = Path.of("../postman/lotus-saga.postman_collection.json");

  private static final Pattern VARIABLE = Pattern.compile("\\{\\{[^}]+}}");
  private static final Pattern ID =
      Pattern.compile(
          "\\d+|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  private NewmanEndpoints() {}

  record Calls(Set<String> endpoints, int requests) {}

  static Calls read() throws IOException {
    JsonNode collection = new ObjectMapper().readTree(COLLECTION.toFile());
    Set<String> endpoints = new TreeSet<>();
    int requests = collect(collection.path("item"), endpoints);
    return new Calls(endpoints, requests);
  }

  private static int collect(JsonNode items, Set<String> endpoints) {
    int requests = 0;
    for (JsonNode item : items) {
      if (item.has("item")) {
        requests += collect(item.get("item"), endpoints);
      } else if (item.has("request")) {
        JsonNode request = item.get("request");
        JsonNode url = request.path("url");
        String raw = url.isTextual() ? url.asText() : url.path("raw").asText();
        endpoints.add(request.path("method").asText("GET").toUpperCase() + " " + template(raw));
        requests++;
      }
    }
    return requests;
  }

  static String template(String raw) {
    String path = raw.replace("{{baseUrl}}", "");
    int query = path.indexOf('?');
    if (query >= 0) {
      path = path.substring(0, query);
    }
    StringBuilder template = new StringBuilder();
    for (String segment : path.split("/")) {
      if (segment.isEmpty()) {
        continue;
      }
      boolean variable = VARIABLE.matcher(segment).find() || ID.matcher(segment).matches();
      template.append('/').append(variable ? "{}" : segment);
    }
    return template.length() == 0 ? "/" : template.toString();
  }
}
