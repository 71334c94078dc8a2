package dev.lotussaga.gateway.system;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.SimpleClientHttpRequestFactory;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;

/**
 * Calls to an internal service, each with a token minted for that service and the caller it acts
 * for. Its 4xx answers reach the caller with their status and detail (but a 401 or 403 from the
 * service means the gateway's own token was refused, which is the gateway's fault: 503); its 5xx
 * answers and connection failures become 503, without internals.
 */
public final class Downstream {

  /** Who a call acts for, as a bearer token for the service named by the audience. */
  @FunctionalInterface
  public interface Caller {
    String tokenFor(String audience);
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Logger log = LoggerFactory.getLogger(Downstream.class);

  private final String name;
  private final String audience;
  private final RestClient client;

  /** The service's tokens are for audience {@code lotus-<name>}. */
  public Downstream(String name, URI baseUrl, RestClient.Builder builder) {
    this.name = name;
    this.audience = "lotus-" + name;
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

  public <T> T call(Caller caller, Function<RestClient, T> request) {
    String bearer = "Bearer " + caller.tokenFor(audience);
    RestClient authorized =
        client.mutate().defaultHeader(HttpHeaders.AUTHORIZATION, bearer).build();
    try {
      return request.apply(authorized);
    } catch (ResourceAccessException e) {
      throw unavailable();
    }
  }

  private void fail(ClientHttpResponse response) throws IOException {
    HttpStatusCode status = response.getStatusCode();
    if (status.is5xxServerError()) {
      throw unavailable();
    }
    if (status.value() == 401 || status.value() == 403) {
      log.error(
          "The {} service refused the gateway's token ({}): are its keys the gateway's?",
          name,
          status.value());
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
