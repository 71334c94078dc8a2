package dev.lotussaga.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The public HTTP API, used the way a careful client does while parts of the stack are down:
 * unreachable gateway (killed, restarting), 5xx and 429 answers are retried for a while, placing an
 * order, a top-up or a stock arrival each with one Idempotency-Key across its retries. It also
 * notes what the answers promised, for the checks: which cancels were accepted, and every 5xx that
 * was not a proper 503; and what top-ups and arrivals it made, in {@link DriverLedger}.
 */
final class LotusApi {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Long enough for a killed gateway to start again on a busy 2-core machine. */
  private static final Duration GIVE_UP_AFTER = Duration.ofSeconds(180);

  private final URI base;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

  /** 5xx answers by status, all retried: what the gateway said while a part was down. */
  final Map<Integer, AtomicInteger> serverErrors = new ConcurrentSkipListMap<>();

  final AtomicInteger retries = new AtomicInteger();

  /** Requests that found no gateway or lost their connection, all retried. */
  final AtomicInteger connectionErrors = new AtomicInteger();

  /**
   * Orders whose cancel was answered 202 (accepted) or 200 (cancelled before): each must end
   * Cancelled.
   */
  final Set<String> cancelsAccepted = ConcurrentHashMap.newKeySet();

  /**
   * Every 5xx answer, described, in the order they came; a part being down may only be said as a
   * 503 problem+json with Retry-After, so any other fails the run.
   */
  private final List<ServerError> serverErrorAnswers =
      Collections.synchronizedList(new ArrayList<>());

  record ServerError(String answer, boolean saysPartIsDown) {}

  LotusApi(URI base) {
    this.base = base;
  }

  String register(String email, String password) throws IOException, InterruptedException {
    call(json("/profile/register", Map.of("email", email, "password", password)), Set.of(201));
    return login(email, password);
  }

  String login(String email, String password) throws IOException, InterruptedException {
    return call(json("/profile/login", Map.of("email", email, "password", password)), Set.of(200))
        .body()
        .get("accessToken")
        .asText();
  }

  /** One top-up: its Idempotency-Key stays the same across the retries; noted in the ledger. */
  void addMoney(String token, BigDecimal amount) throws IOException, InterruptedException {
    HttpRequest request =
        request("/billing/add-money?money=" + amount.toPlainString(), token)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    long buyer = userIdOf(token);
    boolean answered = false;
    try {
      call(request, Set.of(200));
      answered = true;
    } finally {
      DriverLedger.OF_THIS_RUN.toppedUp(buyer, amount, answered);
    }
  }

  /**
   * @param slot the delivery slot the buyer chose, or {@code null} for the earliest free one
   */
  String placeOrder(String token, int product, Instant slot, String idempotencyKey)
      throws IOException, InterruptedException {
    HttpRequest request =
        request(
                "/order/place?idSubscription=" + product + (slot == null ? "" : "&slot=" + slot),
                token)
            .header("Idempotency-Key", idempotencyKey)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    return call(request, Set.of(200, 202)).body().get("orderId").asText();
  }

  /** 202 accepted, 200 cancelled before, 409 already in delivery. */
  int cancel(String token, String orderId) throws IOException, InterruptedException {
    int status =
        call(empty("POST", "/order/" + orderId + "/cancel", token), Set.of(200, 202, 409)).status();
    if (status != 409) {
      cancelsAccepted.add(orderId);
    }
    return status;
  }

  /** One stock arrival, with a key like {@link #addMoney}'s; noted in the ledger. */
  void addStock(String staffToken, int product, int units)
      throws IOException, InterruptedException {
    HttpRequest request =
        request("/stock/add?idSubscription=" + product + "&count=" + units, staffToken)
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .PUT(HttpRequest.BodyPublishers.noBody())
            .build();
    boolean answered = false;
    try {
      call(request, Set.of(200));
      answered = true;
    } finally {
      DriverLedger.OF_THIS_RUN.addedStock(product, units, answered);
    }
  }

  void acceptDelivery(String staffToken, String orderId) throws IOException, InterruptedException {
    call(empty("PUT", "/delivery/accept?idOrder=" + orderId, staffToken), Set.of(200, 202));
  }

  record Answer(int status, JsonNode body) {}

  private Answer call(HttpRequest request, Set<Integer> expected)
      throws IOException, InterruptedException {
    long deadline = System.nanoTime() + GIVE_UP_AFTER.toNanos();
    while (true) {
      String problem = "no answer";
      HttpResponse<String> response = null;
      try {
        response = http.send(request, HttpResponse.BodyHandlers.ofString());
      } catch (IOException unreachable) {
        connectionErrors.incrementAndGet();
        problem = unreachable.toString();
      }
      if (response != null) {
        int status = response.statusCode();
        String body = response.body();
        if (expected.contains(status)) {
          return new Answer(status, body.isEmpty() ? null : JSON.readTree(body));
        }
        if (status < 500 && status != 429) {
          throw new IOException(describe(request) + " answered " + status + ": " + body);
        }
        if (status >= 500) {
          serverErrors.computeIfAbsent(status, any -> new AtomicInteger()).incrementAndGet();
          serverErrorAnswers.add(
              new ServerError(
                  describe(request) + " answered " + status + " " + headers(response) + body,
                  saysPartIsDown(response)));
        }
        problem = status + " " + body;
      }
      if (System.nanoTime() > deadline) {
        throw new IOException(describe(request) + " kept failing: " + problem);
      }
      retries.incrementAndGet();
      Thread.sleep(500);
    }
  }

  /** A 503 problem+json with Retry-After: the one way the gateway may say a part is down. */
  private static boolean saysPartIsDown(HttpResponse<String> response) {
    return response.statusCode() == 503
        && response
            .headers()
            .firstValue("Content-Type")
            .filter(type -> type.startsWith("application/problem+json"))
            .isPresent()
        && response.headers().firstValue("Retry-After").isPresent();
  }

  private static String headers(HttpResponse<String> response) {
    return "(Content-Type "
        + response.headers().firstValue("Content-Type").orElse("none")
        + ", Retry-After "
        + response.headers().firstValue("Retry-After").orElse("none")
        + "): ";
  }

  int serverErrorCount() {
    return serverErrorAnswers.size();
  }

  /** The 5xx answers from the {@code from}th on (see {@link #serverErrorCount()}). */
  List<ServerError> serverErrorsSince(int from) {
    synchronized (serverErrorAnswers) {
      return List.copyOf(serverErrorAnswers.subList(from, serverErrorAnswers.size()));
    }
  }

  /** The user id the gateway put in the token's subject. */
  private static long userIdOf(String token) throws IOException {
    String payload = token.split("\\.")[1];
    return JSON.readTree(Base64.getUrlDecoder().decode(payload)).get("sub").asLong();
  }

  private static String describe(HttpRequest request) {
    return request.method() + " " + request.uri().getPath();
  }

  private HttpRequest json(String path, Object body) throws IOException {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
        .build();
  }

  private HttpRequest empty(String method, String path, String token) {
    return request(path, token).method(method, HttpRequest.BodyPublishers.noBody()).build();
  }

  private HttpRequest.Builder request(String path, String token) {
    return HttpRequest.newBuilder(base.resolve(path))
        .timeout(Duration.ofSeconds(30))
        .header("Authorization", "Bearer " + token);
  }
}
