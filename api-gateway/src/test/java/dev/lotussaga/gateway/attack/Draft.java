package dev.lotussaga.gateway.attack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** A request being generated: a valid one first, then changed by mutations. */
final class Draft {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final ObjectMapper ASCII_JSON =
      JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();

  final String endpoint;
  String method;
  String path;

  /** The path variable, in URI syntax; replaces {id} in the path. */
  String id;

  /** Query parameters in URI syntax; a null value sends the name alone. */
  final List<String[]> query = new ArrayList<>();

  final Map<String, String> headers = new LinkedHashMap<>();

  /** The JSON body as field name and raw JSON value; null for no JSON body. */
  Map<String, String> fields;

  /** A body that is not built from fields; wins over them. */
  byte[] rawBody;

  boolean chunked;
  boolean asciiOnlyJson;
  final List<String> mutations = new ArrayList<>();

  Draft(String endpoint, String method, String path) {
    this.endpoint = endpoint;
    this.method = method;
    this.path = path;
  }

  Draft param(String name, String value) {
    query.add(new String[] {UriText.strict(name), UriText.strict(value)});
    return this;
  }

  Draft header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  Draft json(Map<String, String> textFields) {
    fields = new LinkedHashMap<>();
    textFields.forEach((name, value) -> fields.put(name, jsonText(value)));
    return header("Content-Type", "application/json");
  }

  boolean hasBody() {
    return rawBody != null || fields != null;
  }

  String jsonText(String text) {
    try {
      return (asciiOnlyJson ? ASCII_JSON : JSON).writeValueAsString(text);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  String json() {
    return fields.entrySet().stream()
        .map(field -> jsonText(field.getKey()) + ":" + field.getValue())
        .collect(Collectors.joining(",", "{", "}"));
  }

  AttackRequest build() {
    String target = id == null ? path : path.replace("{id}", id);
    if (!query.isEmpty()) {
      target +=
          query.stream()
              .map(pair -> pair[1] == null ? pair[0] : pair[0] + "=" + pair[1])
              .collect(Collectors.joining("&", "?", ""));
    }
    byte[] body =
        rawBody != null ? rawBody : fields != null ? json().getBytes(StandardCharsets.UTF_8) : null;
    return new AttackRequest(
        endpoint, List.copyOf(mutations), method, target, Map.copyOf(headers), body, chunked);
  }
}
