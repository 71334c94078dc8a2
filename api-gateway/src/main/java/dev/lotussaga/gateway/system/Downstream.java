package dev.lotussaga.gateway.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to an internal service. Its 4xx answers reach the caller with their status and detail; its
 * 5xx answers and connection failures become 503, without internals.
 */
public final class Downstream {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String name;
  private final RestClient client;

  public Downstream(String name, URI baseUrl, RestClient.Builder builder) {
    this.name = name;
    SimpleClientHttpRequestFactory requests = new SimpleClientHttpRequestFactory();
    requests.setConnectTimeout(Duration.ofSeconds(2));
    requests.setReadTimeout(Duration.ofSeconds(10));
    this.client =
        builder
            .clone()
            .baseUrl(baseUrl.toString())
            .requestFactory(requests)
            .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> fail(response))
            .build();
  }

  public <T> T call(Function<RestClient, T> request) {
    try {
      return request.apply(client);
    } catch (ResourceAccessException e) {
      throw unavailable();
    }
  }

  private void fail(ClientHttpResponse response) throws IOException {
    HttpStatusCode status = response.getStatusCode();
    if (status.is5xxServerError()) {
      throw unavailable();
    }
    String detail = name + " refused the request";
    try {
      JsonNode body = JSON.readTree(response.getBody());
      if (body != null && body.hasNonNull("detail")) {
        detail = body.get("detail").asText();
      }
    } catch (IOException unreadable) {
      // keep the generic detail
    }
    throw new ApiException(HttpStatus.valueOf(status.value()), detail);
  }

  private ApiException unavailable() {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE, "The " + name + " service is unavailable; please retry");
  }
}
