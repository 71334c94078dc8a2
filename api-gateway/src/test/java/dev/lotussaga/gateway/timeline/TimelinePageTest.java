package dev.lotussaga.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.RealHttp;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The page under /ui over real HTTP: served without a token, with a policy that lets it load only
 * its own files and call the same origin; everything else keeps the API's headers and errors.
 */
@GatewayTest
class TimelinePageTest {

  private static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  private static final String API_POLICY = "default-src 'none'; frame-ancestors 'none'";

  @LocalServerPort int port;

  private RealHttp http;

  @BeforeEach
  void connect() {
    http = new RealHttp(port);
  }

  @Test
  void thePageIsServedAtUiAndUiSlashWithoutAToken() throws Exception {
    for (String path : new String[] {"/ui", "/ui/"}) {
      HttpResponse<String> page = http.send(http.to(path));

      assertThat(page.statusCode()).as(path).isEqualTo(200);
      assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
      assertThat(page.headers().firstValue("Content-Security-Policy")).hasValue(PAGE_POLICY);
      assertThat(page.headers().firstValue("X-Frame-Options")).hasValue("DENY");
      assertThat(page.headers().firstValue("Server")).isEmpty();
      assertThat(page.body()).contains("<script type=\"module\" src=\"/ui/app.js\"></script>");
    }
  }

  @Test
  void itsScriptAndStyleSheetAreServedWithTheirTypes() throws Exception {
    HttpResponse<String> script = http.send(http.to("/ui/app.js"));
    HttpResponse<String> style = http.send(http.to("/ui/app.css"));

    assertThat(script.statusCode()).isEqualTo(200);
    assertThat(script.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("text/javascript");
    assertThat(script.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(style.statusCode()).isEqualTo(200);
    assertThat(style.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/css");
    assertThat(style.headers().firstValue("Content-Security-Policy")).hasValue(PAGE_POLICY);
  }

  @Test
  void whatIsNotThereIsAProblemNotFound() throws Exception {
    HttpResponse<String> missing = http.send(http.to("/ui/nope"));

    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(missing.headers().firstValue("Cache-Control")).hasValue("no-store");
    assertThat(missing.body()).contains("\"status\":404");
  }

  @Test
  void onlyReadingThePageNeedsNoToken() throws Exception {
    HttpResponse<String> posted =
        http.send(
            http.to("/ui/")
                .header("Content-Type", "application/json")
                .POST(BodyPublishers.ofString("{}")));

    assertThat(posted.statusCode()).isEqualTo(401);
    assertThat(posted.headers().firstValue("Content-Type")).hasValue("application/problem+json");
  }

  @Test
  void theApiKeepsItsStricterPolicy() throws Exception {
    for (String path : new String[] {"/.well-known/jwks.json", "/order", "/uix", "/ui-test"}) {
      assertThat(http.send(http.to(path)).headers().firstValue("Content-Security-Policy"))
          .as(path)
          .hasValue(API_POLICY);
    }
  }
}
