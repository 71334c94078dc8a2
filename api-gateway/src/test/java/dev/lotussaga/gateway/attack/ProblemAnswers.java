package dev.lotussaga.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;
import org.springframework.http.MediaType;

/**
 * The property every answer must have: never a server error; an error is problem+json saying its
 * status; no stack trace, class name or server version; the security headers always.
 */
final class ProblemAnswers {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern CLASS_NAME =
      Pattern.compile(
          "\\b(?:java|javax|jakarta|org|com|io|dev|net|sun)\\.(?:[a-z_]\\w*\\.)+[A-Z]\\w*");

  private ProblemAnswers() {}

  static void check(AttackRequest request, HttpResponse<byte[]> response) throws IOException {
    int status = response.statusCode();
    String body = new String(response.body(), StandardCharsets.UTF_8);
    String contentType = response.headers().firstValue("Content-Type").orElse("");
    String seen =
        request.describe()
            + "\n=> "
            + status
            + " "
            + contentType
            + " "
            + (body.length() > 500 ? body.substring(0, 500) + "…" : body);

    assertThat(status / 100).as("a success or a client error for%n%s", seen).isIn(2, 4);
    assertThat(body)
        .as("no internals in the answer to%n%s", seen)
        .doesNotContain("Exception", "\tat ", "Tomcat", "Caused by")
        .doesNotContainPattern(CLASS_NAME);
    assertThat(response.headers().firstValue("Server"))
        .as("no Server header for%n%s", seen)
        .isEmpty();
    assertThat(response.headers().firstValue("X-Content-Type-Options"))
        .as("nosniff for%n%s", seen)
        .contains("nosniff");
    if (status >= 400) {
      assertThat(contentType).as("a content type for%n%s", seen).isNotEmpty();
      assertThat(
              MediaType.parseMediaType(contentType)
                  .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .as("problem+json for%n%s", seen)
          .isTrue();
      if (!request.method().equals("HEAD")) {
        JsonNode problem = JSON.readTree(body);
        assertThat(problem.path("status").asInt())
            .as("the status in the problem for%n%s", seen)
            .isEqualTo(status);
        assertThat(problem.path("detail").isTextual())
            .as("a detail in the problem for%n%s", seen)
            .isTrue();
      }
    }
  }
}
