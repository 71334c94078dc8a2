package dev.lotussaga.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Billing, stock, delivery and notification as the gateway sees them: their internal APIs, kept in
 * memory, Idempotency-Keys included, each call refused (401) unless it carries a token for that
 * service. During {@link #duringOutage} every call fails the way a crashed service does.
 */
public final class StandInServices {

  private static final Pattern DEPOSIT = Pattern.compile("/internal/accounts/(\\d+)/deposits");
  private static final Pattern ACCOUNT = Pattern.compile("/internal/accounts/(\\d+)");
  private static final Pattern ADDITION = Pattern.compile("/internal/products/(\\d+)/additions");
  private static final Pattern ACCEPTANCE = Pattern.compile("/internal/acceptances/([^/]+)");
  private static final Pattern NOTIFICATIONS =
      Pattern.compile("/internal/users/(\\d+)/notifications");

  private final ObjectMapper json = new ObjectMapper();
  private final HttpServer server;
  private final Map<Long, BigDecimal> balances = new ConcurrentHashMap<>();
  private final Map<Integer, Integer> stock = new ConcurrentHashMap<>(Map.of(1, 5000, 2, 0, 3, 0));
  private final Set<String> waitingForAcceptance = ConcurrentHashMap.newKeySet();
  private final Map<String, Map<String, Object>> accepted = new ConcurrentHashMap<>();
  private final Map<String, KeyUse> keyUses = new ConcurrentHashMap<>();
  private final List<String> forwardedKeys = new CopyOnWriteArrayList<>();
  private final List<Map<String, Object>> notifications = new CopyOnWriteArrayList<>();
  private final List<String> calls = new CopyOnWriteArrayList<>();
  private final List<SignedJWT> tokens = new CopyOnWriteArrayList<>();
  private final AtomicLong ids = new AtomicLong();
  private volatile boolean down;

  private StandInServices(HttpServer server) {
    this.server = server;
    server.createContext("/", this::answer);
    server.start();
  }

  static StandInServices start() {
    try {
      return new StandInServices(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  void stop() {
    server.stop(0);
  }

  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Runs the calls with every service down: connections close without an answer. */
  public void duringOutage(ThrowingRunnable calls) throws Exception {
    down = true;
    try {
      calls.run();
    } finally {
      down = false;
    }
  }

  /** A notification as the notification service would hold it after an order event. */
  public void notify(long userId, String orderId, String type) {
    Map<String, Object> notification = new LinkedHashMap<>();
    notification.put("id", ids.incrementAndGet());
    notification.put("orderId", orderId);
    notification.put("userId", userId);
    notification.put("type", type);
    notification.put("message", type + " for " + orderId);
    notification.put("createdAt", Instant.now().toString());
    notifications.add(notification);
  }

  /** The order waits for staff acceptance, as delivery would have it; others are a 409. */
  public void awaitAcceptance(String orderId) {
    waitingForAcceptance.add(orderId);
  }

  /** Every call the gateway made, as "METHOD raw-path?raw-query". */
  public List<String> calls() {
    return List.copyOf(calls);
  }

  /** The token of every call the gateway made, as it came (the tests verify them). */
  public List<SignedJWT> tokens() {
    return List.copyOf(tokens);
  }

  /** Every call that came with an Idempotency-Key, as "METHOD raw-path?raw-query key". */
  public List<String> forwardedKeys() {
    return List.copyOf(forwardedKeys);
  }

  public interface ThrowingRunnable {
    void run() throws Exception;
  }

  private record Answer(int status, Object body, boolean replayed) {
    Answer(int status, Object body) {
      this(status, body, false);
    }
  }

  /** What a key's first request asked and what it answered. */
  private record KeyUse(String request, Answer answer) {}

  private void answer(HttpExchange exchange) throws IOException {
    try (exchange) {
      URI uri = exchange.getRequestURI();
      String call =
          exchange.getRequestMethod()
              + " "
              + uri.getRawPath()
              + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
      calls.add(call);
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      if (key != null) {
        forwardedKeys.add(call + " " + key);
      }
      if (down) {
        throw new IOException("stand-in service is down");
      }
      String caller = caller(exchange, uri.getRawPath());
      Answer answer =
          caller == null
              ? problem(401, "A token for this service is required")
              : route(exchange.getRequestMethod(), uri, key, caller);
      byte[] body = json.writeValueAsBytes(answer.body());
      exchange
          .getResponseHeaders()
          .set(
              "Content-Type",
              answer.status() >= 400 ? "application/problem+json" : "application/json");
      if (answer.replayed()) {
        exchange.getResponseHeaders().set("Idempotent-Replayed", "true");
      }
      exchange.sendResponseHeaders(answer.status(), body.length);
      exchange.getResponseBody().write(body);
    }
  }

  /**
   * The subject of the call's token if it is for the service the path belongs to and not expired;
   * its signature is the tests' to check ({@link #tokens()}).
   */
  private String caller(HttpExchange exchange, String path) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return null;
    }
    try {
      SignedJWT token = SignedJWT.parse(authorization.substring("Bearer ".length()));
      tokens.add(token);
      JWTClaimsSet claims = token.getJWTClaimsSet();
      boolean fresh = claims.getExpirationTime().toInstant().isAfter(Instant.now());
      return fresh && claims.getAudience().contains(audienceOf(path)) ? claims.getSubject() : null;
    } catch (java.text.ParseException unreadable) {
      return null;
    }
  }

  private static String audienceOf(String path) {
    if (path.startsWith("/internal/accounts/")) {
      return "lotus-billing";
    }
    if (path.startsWith("/internal/products/")) {
      return "lotus-stock";
    }
    if (path.startsWith("/internal/acceptances/") || path.equals("/internal/slots")) {
      return "lotus-delivery";
    }
    return "lotus-notification";
  }

  private Answer route(String method, URI uri, String key, String caller) {
    String path = uri.getRawPath();
    Map<String, String> query = query(uri.getRawQuery());
    Matcher m;
    try {
      if (method.equals("POST") && (m = DEPOSIT.matcher(path)).matches()) {
        long userId = userId(m);
        BigDecimal amount = new BigDecimal(query.get("amount"));
        return once(
            key == null ? null : "user " + userId + " " + key,
            "deposit " + amount.stripTrailingZeros().toPlainString(),
            () -> ok(Map.of("balance", balances.merge(userId, amount, BigDecimal::add))));
      }
      if (method.equals("GET") && (m = ACCOUNT.matcher(path)).matches()) {
        return ok(Map.of("balance", balances.getOrDefault(userId(m), BigDecimal.ZERO)));
      }
      if (method.equals("POST") && (m = ADDITION.matcher(path)).matches()) {
        int productId = Integer.parseInt(m.group(1));
        if (!stock.containsKey(productId)) {
          return problem(404, "No product " + productId + " in stock");
        }
        int units = Integer.parseInt(query.get("units"));
        return once(
            key == null ? null : "staff " + caller + " " + key,
            "add " + units + " of " + productId,
            () ->
                ok(
                    Map.of(
                        "productId",
                        productId,
                        "available",
                        stock.merge(productId, units, Integer::sum))));
      }
      if (method.equals("POST") && (m = ACCEPTANCE.matcher(path)).matches()) {
        String orderId = decode(m.group(1));
        return accept(orderId);
      }
      if (method.equals("GET") && path.equals("/internal/slots")) {
        return slots(Integer.parseInt(query.get("productId")), Integer.parseInt(query.get("days")));
      }
      if (method.equals("GET") && (m = NOTIFICATIONS.matcher(path)).matches()) {
        long userId = userId(m);
        String orderId = query.get("orderId");
        long after = query.containsKey("after") ? Long.parseLong(query.get("after")) : 0;
        int limit = query.containsKey("limit") ? Integer.parseInt(query.get("limit")) : 1000;
        List<Map<String, Object>> mine = new ArrayList<>();
        for (Map<String, Object> notification : notifications) {
          if (notification.get("userId").equals(userId)
              && (orderId == null || orderId.equals(notification.get("orderId")))
              && (long) notification.get("id") > after
              && mine.size() < limit) {
            mine.add(notification);
          }
        }
        return ok(mine);
      }
    } catch (RuntimeException badInput) {
      return problem(400, "Bad input: " + badInput.getMessage());
    }
    return problem(404, "No such internal endpoint");
  }

  /**
   * Every hourly slot of the days asked for, four couriers free in each, as delivery lists them.
   */
  private Answer slots(int productId, int days) {
    if (!stock.containsKey(productId)) {
      return problem(404, "Delivery knows no product " + productId);
    }
    Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
    List<Map<String, Object>> slots = new ArrayList<>();
    for (int hour = 0; hour < days * 24; hour++) {
      Instant start = first.plus(Duration.ofHours(hour));
      slots.add(
          Map.of(
              "start",
              start.toString(),
              "end",
              start.plus(Duration.ofHours(1)).toString(),
              "freeCouriers",
              4));
    }
    return ok(Map.of("productId", productId, "manualAcceptance", productId == 3, "slots", slots));
  }

  /** Accepting again answers the first acceptance, as delivery does. */
  private synchronized Answer accept(String orderId) {
    Map<String, Object> earlier = accepted.get(orderId);
    if (earlier != null) {
      return new Answer(200, earlier, true);
    }
    if (!waitingForAcceptance.remove(orderId)) {
      return problem(409, "Order " + orderId + " is not waiting for delivery acceptance");
    }
    Map<String, Object> first = Map.of("orderId", orderId, "acceptedAt", Instant.now().toString());
    accepted.put(orderId, first);
    return ok(first);
  }

  /**
   * Runs the request unless its key (null: none) was used: then the first answer again, or a 422 if
   * the key's first request was another one.
   */
  private synchronized Answer once(String key, String request, Supplier<Answer> run) {
    if (key == null) {
      return run.get();
    }
    KeyUse first = keyUses.get(key);
    if (first == null) {
      Answer answer = run.get();
      if (answer.status() == 200) {
        keyUses.put(key, new KeyUse(request, answer));
      }
      return answer;
    }
    return first.request().equals(request)
        ? new Answer(200, first.answer().body(), true)
        : problem(422, "This Idempotency-Key was used for another request");
  }

  private static long userId(Matcher m) {
    return Long.parseLong(m.group(1));
  }

  private static Answer ok(Object body) {
    return new Answer(200, body);
  }

  private static Answer problem(int status, String detail) {
    return new Answer(status, Map.of("status", status, "detail", detail));
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> query = new LinkedHashMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0) {
          query.put(decode(pair.substring(0, eq)), decode(pair.substring(eq + 1)));
        }
      }
    }
    return query;
  }

  private static String decode(String raw) {
    return URLDecoder.decode(raw, StandardCharsets.UTF_8);
  }
}
