package dev.lotussaga.gateway.profile.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.clearInvocations;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.MovableClock;
import dev.lotussaga.gateway.RealHttp;
import dev.lotussaga.gateway.Users;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Through the login endpoint, each test from its own client address; time moves, nobody sleeps. */
@GatewayTest
class LoginThrottleApiTest {

  private static final AtomicInteger ADDRESSES = new AtomicInteger();

  @LocalServerPort int port;
  @Autowired MockMvc http;
  @Autowired MovableClock clock;
  @Autowired PasswordEncoder passwords;

  private final String address = "198.51.100." + ADDRESSES.incrementAndGet();

  @Test
  void anAccountBacksOffAfterFiveFailuresThenTheRightPasswordWorksAgain() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    for (int i = 0; i < 5; i++) {
      login(user.email(), "wrong password " + i, address).andExpect(status().isUnauthorized());
    }

    clearInvocations(passwords);
    login(user.email(), Users.PASSWORD, address)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "60"))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("Too many failed logins; try again in 60 seconds"));
    verify(passwords, never()).matches(any(), any());

    clock.advance(Duration.ofSeconds(60));
    login(user.email(), Users.PASSWORD, address).andExpect(status().isOk());
  }

  @Test
  void aSuccessfulLoginStartsTheCountOver() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    for (int i = 0; i < 4; i++) {
      login(user.email(), "wrong password", address).andExpect(status().isUnauthorized());
    }
    login(user.email(), Users.PASSWORD, address).andExpect(status().isOk());

    for (int i = 0; i < 4; i++) {
      login(user.email(), "wrong password", address).andExpect(status().isUnauthorized());
    }
    login(user.email(), Users.PASSWORD, address).andExpect(status().isOk());
  }

  @Test
  void oneClientFailingOnManyAccountsBacksOffForEveryAccount() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    for (int i = 0; i < 30; i++) {
      login(Users.newEmail(), "guess", address).andExpect(status().isUnauthorized());
    }

    login(user.email(), Users.PASSWORD, address)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", "60"));
    login(user.email(), Users.PASSWORD, "203.0.113.200").andExpect(status().isOk());
  }

  /** Over real HTTP from 127.0.0.1: a client cannot pose as many by naming other addresses. */
  @Test
  void aForwardedForHeaderDoesNotHideTheClient() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    RealHttp realHttp = new RealHttp(port);
    clock.advance(Duration.ofDays(1));
    try {
      for (int i = 0; i < 30; i++) {
        assertThat(realLogin(realHttp, Users.newEmail(), "203.0.113." + i).statusCode())
            .isEqualTo(401);
      }
      assertThat(realLogin(realHttp, user.email(), "203.0.113.99").statusCode()).isEqualTo(429);
    } finally {
      clock.advance(Duration.ofDays(1));
    }
  }

  /** What the newman collection does: many users, each logging in several times, one typo. */
  @Test
  void manyCorrectLoginsFromOneClientAreNeverThrottled() throws Exception {
    List<Users.SignedIn> users = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      users.add(Users.newUser(http));
    }
    login(users.get(0).email(), "typo", address).andExpect(status().isUnauthorized());

    for (int round = 0; round < 4; round++) {
      for (Users.SignedIn user : users) {
        login(user.email(), Users.PASSWORD, address).andExpect(status().isOk());
      }
    }
  }

  private static HttpResponse<String> realLogin(RealHttp http, String email, String forwardedFor)
      throws Exception {
    return http.send(
        http.to("/profile/login")
            .header("Content-Type", "application/json")
            .header("X-Forwarded-For", forwardedFor)
            .POST(BodyPublishers.ofString(Users.credentials(email, "guess"))));
  }

  private ResultActions login(String email, String password, String from) throws Exception {
    return http.perform(
        post("/profile/login")
            .with(
                request -> {
                  request.setRemoteAddr(from);
                  return request;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(Users.credentials(email, password)));
  }
}
