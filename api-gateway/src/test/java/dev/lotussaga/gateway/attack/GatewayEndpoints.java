package dev.lotussaga.gateway.attack;

import dev.lotussaga.gateway.Users;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Function;

/** Every public gateway endpoint, as a valid request to spoil, and how many cases it gets. */
final class GatewayEndpoints {

  private GatewayEndpoints() {}

  record Endpoint(String name, int cases, Function<Random, Draft> valid) {}

  static List<Endpoint> all(Fixtures f) {
    return List.of(
        new Endpoint(
            "POST /profile/register",
            170,
            r ->
                draft("POST /profile/register", "POST", "/profile/register", r)
                    .json(
                        fields(
                            "email",
                            "fuzz-"
                                + new UUID(r.nextLong(), r.nextLong())
                                + "-"
                                + f.runNonce()
                                + "@example.test",
                            "password",
                            "long enough pw",
                            "firstName",
                            "Ann",
                            "lastName",
                            "Lee"))),
        new Endpoint(
            "POST /profile/login",
            150,
            r ->
                draft("POST /profile/login", "POST", "/profile/login", r)
                    .json(fields("email", f.userEmail(), "password", Users.PASSWORD))),
        new Endpoint(
            "POST /profile/refresh",
            60,
            r ->
                draft("POST /profile/refresh", "POST", "/profile/refresh", r)
                    .json(fields("refreshToken", "fuzz-" + new UUID(r.nextLong(), r.nextLong())))),
        new Endpoint(
            "PUT /profile/password",
            60,
            // Never the right current password: the fixture buyer's sessions must survive.
            r ->
                draft("PUT /profile/password", "PUT", "/profile/password", r)
                    .header("Authorization", f.user())
                    .json(
                        fields(
                            "currentPassword",
                            "not the password",
                            "newPassword",
                            "long enough pw"))),
        new Endpoint(
            "GET /.well-known/jwks.json",
            50,
            r -> draft("GET /.well-known/jwks.json", "GET", "/.well-known/jwks.json", r)),
        new Endpoint(
            "POST /billing/add-money",
            120,
            r ->
                draft("POST /billing/add-money", "POST", "/billing/add-money", r)
                    .header("Authorization", f.user())
                    .header("Idempotency-Key", "fuzz-top-up-" + f.runNonce())
                    .param("money", "100")),
        new Endpoint(
            "GET /billing/balance",
            60,
            r ->
                draft("GET /billing/balance", "GET", "/billing/balance", r)
                    .header("Authorization", f.user())),
        new Endpoint(
            "POST /order/place",
            120,
            r ->
                draft("POST /order/place", "POST", "/order/place", r)
                    .header("Authorization", f.user())
                    .param("idSubscription", "3")),
        new Endpoint(
            "GET /order",
            60,
            r -> draft("GET /order", "GET", "/order", r).header("Authorization", f.user())),
        new Endpoint(
            "GET /order/{id}",
            110,
            r ->
                withId(
                    draft("GET /order/{id}", "GET", "/order/{id}", r)
                        .header("Authorization", f.user()),
                    f.orderId())),
        new Endpoint(
            "POST /order/{id}/cancel",
            130,
            r ->
                withId(
                        draft("POST /order/{id}/cancel", "POST", "/order/{id}/cancel", r)
                            .header("Authorization", f.user()),
                        f.orderId())
                    .json(fields("reason", "found it cheaper"))),
        new Endpoint(
            "GET /order/{id}/timeline",
            80,
            r ->
                withId(
                    draft("GET /order/{id}/timeline", "GET", "/order/{id}/timeline", r)
                        .header("Authorization", f.user()),
                    f.orderId())),
        new Endpoint(
            "GET /order?limit (staff)",
            40,
            r ->
                draft("GET /order?limit (staff)", "GET", "/order", r)
                    .header("Authorization", f.staff())
                    .param("limit", "5")),
        new Endpoint(
            "PUT /stock/add",
            100,
            r ->
                draft("PUT /stock/add", "PUT", "/stock/add", r)
                    .header("Authorization", f.staff())
                    .header("Idempotency-Key", "fuzz-arrival-" + f.runNonce())
                    .param("idSubscription", "1")
                    .param("count", "2")),
        new Endpoint(
            "PUT /delivery/accept",
            100,
            r ->
                draft("PUT /delivery/accept", "PUT", "/delivery/accept", r)
                    .header("Authorization", f.staff())
                    .param("idOrder", f.orderId())),
        new Endpoint(
            "GET /delivery/slots",
            80,
            r ->
                draft("GET /delivery/slots", "GET", "/delivery/slots", r)
                    .header("Authorization", f.user())
                    .param("idSubscription", "1")
                    .param("days", "2")),
        new Endpoint(
            "PUT /order/{id}/slot",
            100,
            r ->
                withId(
                        draft("PUT /order/{id}/slot", "PUT", "/order/{id}/slot", r)
                            .header("Authorization", f.user()),
                        f.orderId())
                    .param("slot", tomorrowAtTen())),
        new Endpoint(
            "GET /admin/stuck",
            40,
            r ->
                draft("GET /admin/stuck", "GET", "/admin/stuck", r)
                    .header("Authorization", f.staff())),
        new Endpoint(
            "POST /admin/stuck/{id}/resolve",
            80,
            r ->
                withId(
                        draft(
                                "POST /admin/stuck/{id}/resolve",
                                "POST",
                                "/admin/stuck/{id}/resolve",
                                r)
                            .header("Authorization", f.staff()),
                        f.orderId())
                    .json(fields("reason", "refunded by bank transfer"))),
        new Endpoint(
            "POST /admin/orders/{id}/redrive",
            60,
            r ->
                withId(
                    draft(
                            "POST /admin/orders/{id}/redrive",
                            "POST",
                            "/admin/orders/{id}/redrive",
                            r)
                        .header("Authorization", f.staff()),
                    f.orderId())),
        new Endpoint(
            "GET /notification",
            100,
            r ->
                draft("GET /notification", "GET", "/notification", r)
                    .header("Authorization", f.user())
                    .param("orderId", f.orderId())),
        new Endpoint(
            "unknown paths",
            50,
            r ->
                withId(
                    draft("unknown paths", "GET", "/{id}", r).header("Authorization", f.user()),
                    UriText.loose(Hostile.text(r)))));
  }

  private static String tomorrowAtTen() {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(34)).toString();
  }

  private static Draft draft(String name, String method, String path, Random random) {
    Draft draft = new Draft(name, method, path);
    draft.asciiOnlyJson = random.nextBoolean();
    return draft;
  }

  private static Draft withId(Draft draft, String id) {
    draft.id = id;
    return draft;
  }

  private static Map<String, String> fields(String... namesAndValues) {
    Map<String, String> fields = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      fields.put(namesAndValues[i], namesAndValues[i + 1]);
    }
    return fields;
  }
}
