package dev.lotussaga.gateway.profile;

import static dev.lotussaga.gateway.profile.ProfileApiTest.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.MovableClock;
import dev.lotussaga.gateway.Users;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class SessionApiTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @Autowired MockMvc http;
  @Autowired MovableClock clock;

  @Test
  void aLoginAnswersARefreshTokenBesideAFifteenMinuteAccessToken() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    http.perform(
            post("/profile/login")
                .contentType(MediaType.APPLICATION_JSON)
                .content(Users.credentials(user.email(), Users.PASSWORD)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.expiresIn").value(900))
        .andExpect(jsonPath("$.refreshToken").value(Matchers.matchesPattern("[\\w-]{43}")))
        .andExpect(jsonPath("$.refreshExpiresIn").value(30 * 24 * 3600));
  }

  @Test
  void aRefreshAnswersNewTokensAndUsesTheOldRefreshTokenUp() throws Exception {
    LoginPair first = LoginPair.newUser(http);

    LoginPair second =
        LoginPair.of(
            LoginPair.refresh(http, first.refreshToken())
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tokenType").value("Bearer"))
                .andExpect(jsonPath("$.expiresIn").value(900))
                .andExpect(jsonPath("$.userId").value(first.userId())));

    assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
    assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
    assertWorks(second);
    assertWorks(first);
    LoginPair third = LoginPair.of(LoginPair.refresh(http, second.refreshToken()));
    assertWorks(third);
  }

  @Test
  void aRefreshTokenUsedAgainRevokesItsWholeSession() throws Exception {
    LoginPair first = LoginPair.newUser(http);
    LoginPair second = LoginPair.of(LoginPair.refresh(http, first.refreshToken()));
    LoginPair elsewhere = LoginPair.login(http, emailOf(first), Users.PASSWORD);

    problem(LoginPair.refresh(http, first.refreshToken()), 401)
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("used before")));

    assertRefused(first);
    assertRefused(second);
    problem(LoginPair.refresh(http, second.refreshToken()), 401);
    assertWorks(elsewhere);
  }

  @Test
  void logoutRefusesTheSessionsTokensAtOnce() throws Exception {
    LoginPair session = LoginPair.newUser(http);
    LoginPair otherSession = LoginPair.login(http, emailOf(session), Users.PASSWORD);
    assertWorks(session);

    http.perform(post("/profile/logout").header("Authorization", session.bearer()))
        .andExpect(status().isNoContent());

    assertRefused(session);
    problem(LoginPair.refresh(http, session.refreshToken()), 401);
    problem(http.perform(post("/profile/logout").header("Authorization", session.bearer())), 401);
    assertWorks(otherSession);
  }

  @Test
  void logoutNeedsABearerToken() throws Exception {
    problem(http.perform(post("/profile/logout")), 401);
  }

  @Test
  void anExpiredRefreshTokenIsRefused() throws Exception {
    LoginPair session = LoginPair.newUser(http);
    clock.advance(Duration.ofDays(30).plusSeconds(1));

    problem(LoginPair.refresh(http, session.refreshToken()), 401)
        .andExpect(jsonPath("$.detail").value(Matchers.containsString("expired")));
  }

  @Test
  void anUnknownRefreshTokenIsRefused() throws Exception {
    problem(LoginPair.refresh(http, "x".repeat(43)), 401)
        .andExpect(jsonPath("$.detail").value("Unknown refresh token; log in again"));
  }

  @Test
  void anAccessTokenIsNoRefreshToken() throws Exception {
    LoginPair session = LoginPair.newUser(http);
    problem(
        http.perform(
            post("/profile/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"refreshToken\":\"" + session.accessToken() + "\"}")),
        400);
  }

  @Test
  void badRefreshRequestsAreProblems() throws Exception {
    for (String body :
        new String[] {
          "{}",
          "{\"refreshToken\":\"\"}",
          "{\"refreshToken\":\" \"}",
          "{\"refreshToken\":42}",
          "{\"refreshToken\":null}",
          "{\"refreshToken\":\"" + "a".repeat(101) + "\"}",
          "{\"refreshToken\":\"abc\",\"userId\":1}",
          "[]",
          "not json"
        }) {
      problem(
          http.perform(
              post("/profile/refresh").contentType(MediaType.APPLICATION_JSON).content(body)),
          400);
    }
  }

  @Test
  void refusedRefreshesFromOneAddressBackOffLikeFailedLogins() throws Exception {
    String address = "192.0.2." + ADDRESSES.incrementAndGet();
    for (int i = 0; i < 30; i++) {
      refreshFrom(address, "unknown-" + i).andExpect(status().isUnauthorized());
    }
    refreshFrom(address, "unknown")
        .andExpect(status().isTooManyRequests())
        .andExpect(header().exists("Retry-After"));
    clock.advance(Duration.ofDays(1));
  }

  private ResultActions refreshFrom(String address, String token) throws Exception {
    return http.perform(
        post("/profile/refresh")
            .with(
                request -> {
                  request.setRemoteAddr(address);
                  return request;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"refreshToken\":\"" + token + "\"}"));
  }

  private String emailOf(LoginPair pair) throws Exception {
    return com.nimbusds.jwt.SignedJWT.parse(pair.accessToken())
        .getJWTClaimsSet()
        .getStringClaim("email");
  }

  private void assertWorks(LoginPair pair) throws Exception {
    http.perform(get("/order").header("Authorization", pair.bearer())).andExpect(status().isOk());
  }

  private void assertRefused(LoginPair pair) throws Exception {
    problem(http.perform(get("/order").header("Authorization", pair.bearer())), 401)
        .andExpect(header().string("WWW-Authenticate", Matchers.startsWith("Bearer")));
  }
}
