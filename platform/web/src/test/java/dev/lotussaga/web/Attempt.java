package dev.lotussaga.web;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.net.URI;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * One request a {@link BadRequestCampaign} sends; its {@code toString} names the test case. A
 * parameter name may repeat, as it may in a real query string.
 */
public record Attempt(
    String method, String path, List<Parameter> params, Map<String, String> headers, String body) {

  public record Parameter(String name, String value) {}

  public static Attempt get(String path) {
    return new Attempt("GET", path, List.of(), Map.of(), null);
  }

  public static Attempt post(String path) {
    return new Attempt("POST", path, List.of(), Map.of(), null);
  }

  public Attempt withMethod(String otherMethod) {
    return new Attempt(otherMethod, path, params, headers, body);
  }

  public Attempt withParam(String name, String value) {
    List<Parameter> more = new ArrayList<>(params);
    more.add(new Parameter(name, value));
    return new Attempt(method, path, List.copyOf(more), headers, body);
  }

  public Attempt withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Attempt(method, path, params, Collections.unmodifiableMap(more), body);
  }

  public Attempt withBody(String text) {
    return new Attempt(method, path, params, headers, text);
  }

  MockHttpServletRequestBuilder toRequest() {
    MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), URI.create(path));
    params.forEach(param -> request.param(param.name(), param.value()));
    headers.forEach(request::header);
    if (body != null) {
      request.content(body);
    }
    return request;
  }

  /** Cut short and without control characters, so that it can name a test case. */
  @Override
  public String toString() {
    StringBuilder text = new StringBuilder(method + " " + path);
    params.forEach(p -> text.append(" ").append(p.name()).append("=").append(p.value()));
    headers.forEach(
        (name, value) -> text.append(" [").append(name).append(": ").append(value).append("]"));
    if (body != null) {
      text.append(" body=").append(body);
    }
    String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text.toString();
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
