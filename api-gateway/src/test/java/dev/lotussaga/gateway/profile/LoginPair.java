package dev.lotussaga.gateway.profile;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.Users;
import java.util.Map;
import java.util.Random;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/** An access token and its refresh token, as a login, refresh or password change answers them. */
record LoginPair(long userId, String accessToken, String refreshToken) {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Random RANDOM = new Random();

  String bearer() {
    return "Bearer " + accessToken;
  }

  static LoginPair login(MockMvc http, String email, String password) throws Exception {
    return of(
        http.perform(
                post("/profile/login")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content(Users.credentials(email, password)))
            .andExpect(status().isOk()));
  }

  static LoginPair newUser(MockMvc http) throws Exception {
    Users.SignedIn user = Users.newUser(http);
    return login(http, user.email(), Users.PASSWORD);
  }

  /**
   * From an address of its own: refused refreshes count against their address as failed logins do,
   * and the tests that refuse many must not slow down the others' logins from 127.0.0.1.
   */
  static ResultActions refresh(MockMvc http, String refreshToken) throws Exception {
    return http.perform(
        post("/profile/refresh")
            .with(anotherAddress())
            .contentType(MediaType.APPLICATION_JSON)
            .content(JSON.writeValueAsString(Map.of("refreshToken", refreshToken))));
  }

  static RequestPostProcessor anotherAddress() {
    String address = "10.0." + RANDOM.nextInt(256) + "." + RANDOM.nextInt(256);
    return request -> {
      request.setRemoteAddr(address);
      return request;
    };
  }

  static LoginPair of(ResultActions answer) throws Exception {
    JsonNode body = JSON.readTree(answer.andReturn().getResponse().getContentAsString());
    return new LoginPair(
        body.get("userId").asLong(),
        body.get("accessToken").asText(),
        body.get("refreshToken").asText());
  }
}
