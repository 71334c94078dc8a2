package dev.lotussaga.gateway.profile.throttle;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import dev.lotussaga.gateway.system.ApiException;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The test stack allows many registrations per address (every test registers from 127.0.0.1), so an
 * address's allowance is used up here directly, then the endpoint is asked.
 */
@GatewayTest
class RegistrationThrottleApiTest {

  @Autowired MockMvc http;
  @Autowired RegistrationThrottle throttle;

  @Test
  void anAddressThatUsedUpItsAllowanceIsRefusedWithRetryAfter() throws Exception {
    String address = "203.0.113.77";
    useUp(address);

    register(address)
        .andExpect(status().isTooManyRequests())
        .andExpect(header().string("Retry-After", Matchers.matchesPattern("[1-9][0-9]*")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(429))
        .andExpect(
            jsonPath("$.detail")
                .value(Matchers.startsWith("Too many registrations from this address")));
    register("203.0.113.78").andExpect(status().isCreated());
  }

  private void useUp(String address) {
    for (int i = 0; i < 1_000_000; i++) {
      try {
        throttle.admit(address);
      } catch (ApiException refused) {
        return;
      }
    }
    throw new AssertionError("the allowance never ran out");
  }

  private ResultActions register(String from) throws Exception {
    return http.perform(
        post("/profile/register")
            .with(
                request -> {
                  request.setRemoteAddr(from);
                  return request;
                })
            .contentType(MediaType.APPLICATION_JSON)
            .content(Users.credentials(Users.newEmail(), Users.PASSWORD)));
  }
}
