package dev.lotussaga.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.RealHttp;
import dev.lotussaga.gateway.Users;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/** The same headers on every answer, whoever writes it; never a Server header. */
@GatewayTest
class SecurityHeadersTest {

  private static final Map<String, String> EXPECTED =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Cache-Control", "no-store",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

  @LocalServerPort int port;
  @Autowired MockMvc mvc;

  private RealHttp http;

  @BeforeEach
  void connect() {
    http = new RealHttp(port);
  }

  @Test
  void onASuccess() throws Exception {
    assertSecurityHeaders(http.send(http.to("/.well-known/jwks.json")), 200);
  }

  @Test
  void onAMissingToken() throws Exception {
    assertSecurityHeaders(http.send(http.to("/order")), 401);
  }

  @Test
  void onAnUnknownOrder() throws Exception {
    String bearer = Users.newUser(mvc).bearer();
    assertSecurityHeaders(
        http.send(http.to("/order/" + UUID.randomUUID()).header("Authorization", bearer)), 404);
  }

  @Test
  void onABodyTooLarge() throws Exception {
    assertSecurityHeaders(
        http.send(
            http.to("/profile/register")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofByteArray(new byte[200_000]))),
        413);
  }

  @Test
  void onAThrottledLogin() throws Exception {
    Users.SignedIn user = Users.newUser(mvc);
    HttpResponse<String> answer = null;
    for (int attempt = 0; attempt < 6; attempt++) {
      answer =
          http.send(
              http.to("/profile/login")
                  .header("Content-Type", "application/json")
                  .POST(
                      BodyPublishers.ofString(
                          Users.credentials(user.email(), "wrong password " + attempt))));
    }
    assertSecurityHeaders(answer, 429);
  }

  @Test
  void onAnErrorTomcatReportsItself() throws Exception {
    String answer = http.raw("GET /%zz HTTP/1.1\r\nHost: localhost\r\n\r\n");

    assertThat(answer).startsWith("HTTP/1.1 400");
    EXPECTED.forEach((name, value) -> assertThat(answer).contains(name + ": " + value));
    assertThat(answer).doesNotContainIgnoringCase("\nServer:");
  }

  private static void assertSecurityHeaders(HttpResponse<String> response, int status) {
    assertThat(response.statusCode()).isEqualTo(status);
    EXPECTED.forEach(
        (name, value) -> assertThat(response.headers().firstValue(name)).as(name).contains(value));
    assertThat(response.headers().firstValue("Server")).isEmpty();
  }
}
