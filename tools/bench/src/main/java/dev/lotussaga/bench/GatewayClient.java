package dev.lotussaga.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/** The public HTTP API, as a client uses it. */
final class GatewayClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  GatewayClient(URI base) {
    this.base = base;
  }

  record Answer(int status, JsonNode body) {}

  String register(String email, String password) throws IOException, InterruptedException {
    send(post("/profile/register", Map.of("email", email, "password", password)), 201);
    return login(email, password);
  }

  String login(String email, String password) throws IOException, InterruptedException {
    return send(post("/profile/login", Map.of("email", email, "password", password)), 200)
        .body()
        .get("accessToken")
        .asText();
  }

  void addMoney(String token, long amount) throws IOException, InterruptedException {
    send(authorized("/billing/add-money?money=" + amount, token).POST(noBody()).build(), 200);
  }

  Answer placeOrder(String token, int product) throws IOException, InterruptedException {
    return send(
        authorized("/order/place?idSubscription=" + product, token).POST(noBody()).build(), -1);
  }

  /** An order a client may retry safely: the same key never places a second one. */
  Answer placeOrder(String token, int product, String idempotencyKey)
      throws IOException, InterruptedException {
    return send(
        authorized("/order/place?idSubscription=" + product, token)
            .header("Idempotency-Key", idempotencyKey)
            .POST(noBody())
            .build(),
        -1);
  }

  /** Staff's stock arrival: {@code units} more of the product, once for the key. */
  void addStock(String staffToken, int product, int units, String idempotencyKey)
      throws IOException, InterruptedException {
    send(
        authorized("/stock/add?idSubscription=" + product + "&count=" + units, staffToken)
            .header("Idempotency-Key", idempotencyKey)
            .PUT(noBody())
            .build(),
        200);
  }

  /** A read that must answer 200; its body is read whole, as a client would. */
  void read(String path, String token) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        token == null
            ? HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30))
            : authorized(path, token);
    HttpResponse<String> response =
        http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IOException("GET " + path + " answered " + response.statusCode());
    }
  }

  private HttpRequest post(String path, Object body) throws IOException {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private HttpRequest.Builder authorized(String path, String token) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }

  private static HttpRequest.BodyPublisher noBody() {
    return HttpRequest.BodyPublishers.noBody();
  }

  /** {@code expected} -1 accepts any status. */
  private Answer send(HttpRequest request, int expected) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (expected != -1 && response.statusCode() != expected) {
      throw new IOException(
          request.method()
              + " "
              + request.uri().getPath()
              + " answered "
              + response.statusCode()
              + ": "
              + response.body());
    }
    JsonNode body = response.body().isEmpty() ? null : JSON.readTree(response.body());
    return new Answer(response.statusCode(), body);
  }
}
