package dev.lotussaga.web;

import static dev.lotussaga.web.HostileValues.hostile;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated bad input against one internal API through MockMvc, the same 300 cases on every run
 * ({@code -Dlotus.attack.seed=N} draws others): never a server error or a stack trace, every
 * refusal a problem+json carrying its own status, and at least half of the cases refused. One
 * campaign per test factory: it keeps the tally of what it sent.
 */
public final class BadRequestCampaign {

  private static final long SEED = Long.getLong("lotus.attack.seed", 7_2026L);
  private static final int CASES = 300;
  private static final List<String> METHODS = List.of("GET", "POST", "PUT", "DELETE", "PATCH");
  private static final List<String> MEDIA_TYPES =
      List.of(
          "*/*", "application/*", "json", "text/html", "application/json; charset=nope", "'; --");

  private final String api;
  private final MockMvc http;
  private final String bearerToken;
  private final List<String> parameterNames;
  private final Random random = new Random(SEED);
  private final ObjectMapper json = new ObjectMapper();
  private final Map<Integer, Integer> statuses = new TreeMap<>();

  /**
   * @param api what the printed tally calls the API, such as "Account API"
   * @param parameterNames names under which a spoiled request gets an extra hostile value
   * @param bearerToken a valid internal token for this API (staff), so that the input is what is
   *     refused, not the caller
   */
  public BadRequestCampaign(
      String api, MockMvc http, List<String> parameterNames, String bearerToken) {
    this.api = api;
    this.http = http;
    this.bearerToken = bearerToken;
    this.parameterNames = List.copyOf(parameterNames);
  }

  /** One case per request that {@code endpoints} draws, each spoiled at random, then the tally. */
  public Stream<DynamicTest> run(Function<Random, Attempt> endpoints) {
    Stream<DynamicTest> cases =
        IntStream.range(0, CASES)
            .mapToObj(
                i -> {
                  Attempt attempt = spoiled(endpoints.apply(random));
                  return dynamicTest("#" + i + " " + attempt, () -> check(attempt));
                });
    return Stream.concat(
        cases, Stream.of(dynamicTest("enough cases, mostly refused", this::tally)));
  }

  /** Sometimes another method, an extra parameter, odd headers or a body nobody reads. */
  private Attempt spoiled(Attempt attempt) {
    Attempt spoiled = attempt;
    if (random.nextInt(6) == 0) {
      spoiled = spoiled.withMethod(METHODS.get(random.nextInt(METHODS.size())));
    }
    if (random.nextInt(5) == 0) {
      String name = parameterNames.get(random.nextInt(parameterNames.size()));
      spoiled = spoiled.withParam(name, hostile(random));
    }
    if (random.nextInt(5) == 0) {
      String header = random.nextBoolean() ? "Content-Type" : "Accept";
      spoiled = spoiled.withHeader(header, MEDIA_TYPES.get(random.nextInt(MEDIA_TYPES.size())));
    }
    if (random.nextInt(8) == 0) {
      spoiled = spoiled.withBody(hostile(random));
    }
    return spoiled;
  }

  private void check(Attempt attempt) throws Exception {
    MockHttpServletResponse response;
    try {
      response =
          http.perform(attempt.toRequest().header("Authorization", "Bearer " + bearerToken))
              .andReturn()
              .getResponse();
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

  private void tally() {
    int cases = statuses.values().stream().mapToInt(i -> i).sum();
    int refused =
        statuses.entrySet().stream()
            .filter(e -> e.getKey() / 100 == 4)
            .mapToInt(Map.Entry::getValue)
            .sum();
    System.out.printf("%s attack, seed %d: %d cases %s%n", api, SEED, cases, statuses);
    assertThat(cases).isEqualTo(CASES);
    assertThat(statuses).as("the caller was refused, not the input").doesNotContainKeys(401, 403);
    assertThat(refused).as("refused: %s", statuses).isGreaterThanOrEqualTo(CASES / 2);
  }
}
