package dev.lotussaga.gateway.attack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.MovableClock;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import dev.lotussaga.gateway.attack.GatewayEndpoints.Endpoint;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Generated bad input against every public endpoint, over real HTTP: malformed and mistyped JSON,
 * missing and extra fields, bodies over 1 MiB, overflowing numbers, control characters, non-ASCII,
 * SQL and script meta-characters in every field, parameter, path variable and header. Whatever
 * comes in, the answer is a success or a problem+json client error (see {@link ProblemAnswers}).
 *
 * <p>The cases are the same on every run; {@code -Dlotus.attack.seed=N} draws others.
 */
@GatewayTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayAttackTest {

  private static final long SEED = Long.getLong("lotus.attack.seed", 7_2026L);
  private static final int AT_LEAST = 1000;

  @LocalServerPort int port;
  @Autowired MockMvc mvc;
  @Autowired MovableClock clock;
  @Autowired StandInServices services;

  private final ObjectMapper json = new ObjectMapper();
  private final Tally tally = new Tally();
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private Fixtures fixtures;

  @BeforeAll
  void signIn() throws Exception {
    letLoginFailuresLapse();
    Users.SignedIn buyer = Users.newUser(mvc);
    Users.SignedIn other = Users.newUser(mvc);
    Users.SignedIn staff = Users.login(mvc, "staff@lotus.local", "lotus-staff-local");
    String orderId = placeWaitingOrder(buyer);
    services.notify(buyer.id(), orderId, "PAYMENT_FAILED");
    fixtures =
        new Fixtures(
            buyer.bearer(),
            buyer.email(),
            staff.bearer(),
            orderId,
            placeWaitingOrder(other),
            Long.toString(System.currentTimeMillis(), 36));
  }

  /**
   * The suite fails many logins from 127.0.0.1: it starts after earlier tests' failures have
   * lapsed, and so do the tests after it.
   */
  @AfterAll
  void letLoginFailuresLapse() {
    clock.advance(Duration.ofDays(1));
  }

  @TestFactory
  Stream<DynamicNode> everyAnswerToBadInputIsASuccessOrAProblem() {
    Stream<DynamicNode> endpoints =
        GatewayEndpoints.all(fixtures).stream()
            .map(endpoint -> DynamicContainer.dynamicContainer(endpoint.name(), cases(endpoint)));
    return Stream.concat(
        endpoints,
        Stream.of(DynamicTest.dynamicTest("enough cases ran, mostly refused", this::tallied)));
  }

  private Stream<DynamicTest> cases(Endpoint endpoint) {
    Random random = new Random(SEED * 31 + endpoint.name().hashCode());
    return IntStream.range(0, endpoint.cases())
        .mapToObj(
            i -> {
              Draft draft = endpoint.valid().apply(random);
              Mutation.spoil(draft, random, fixtures);
              AttackRequest request = draft.build();
              return DynamicTest.dynamicTest(
                  "#" + i + " " + request.title(), () -> sendAndCheck(request));
            });
  }

  private void sendAndCheck(AttackRequest request) throws Exception {
    HttpResponse<byte[]> response = http.send(httpRequest(request), BodyHandlers.ofByteArray());
    tally.count(request.endpoint(), response.statusCode());
    ProblemAnswers.check(request, response);
  }

  private void tallied() {
    System.out.printf(
        "Attack suite, seed %d: %d cases, %d answered 4xx%n%s%n",
        SEED, tally.cases(), tally.clientErrors(), tally.report());
    int planned = GatewayEndpoints.all(fixtures).stream().mapToInt(Endpoint::cases).sum();
    assertThat(tally.cases()).as("cases run").isEqualTo(planned).isGreaterThanOrEqualTo(AT_LEAST);
    assertThat(tally.clientErrors())
        .as("most generated requests are invalid and refused with 4xx:%n%s", tally.report())
        .isGreaterThanOrEqualTo(planned * 3 / 4);
    for (Endpoint endpoint : GatewayEndpoints.all(fixtures)) {
      assertThat(tally.clientErrors(endpoint.name()))
          .as("refused cases of %s", endpoint.name())
          .isGreaterThanOrEqualTo(endpoint.cases() / 2);
    }
  }

  private HttpRequest httpRequest(AttackRequest request) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + request.target()))
            .timeout(Duration.ofSeconds(30));
    request.headers().forEach(builder::header);
    byte[] body = request.body();
    BodyPublisher publisher =
        body == null
            ? BodyPublishers.noBody()
            : request.chunked()
                ? BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                : BodyPublishers.ofByteArray(body);
    return builder.method(request.method(), publisher).build();
  }

  private String placeWaitingOrder(Users.SignedIn buyer) throws Exception {
    String answer =
        mvc.perform(
                post("/order/place")
                    .param("idSubscription", "3")
                    .header("Authorization", buyer.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("orderId").asText();
  }
}
