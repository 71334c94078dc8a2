package dev.lotussaga.gateway.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class DeliveryAcceptApiTest {

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  private Users.SignedIn staff;

  @BeforeEach
  void signIn() throws Exception {
    staff = Users.login(http, "staff@lotus.local", "lotus-staff-local");
  }

  @Test
  void acceptingAnOrderAgainAnswersTheFirstAcceptance() throws Exception {
    String orderId = placeOrder(3);
    services.awaitAcceptance(orderId);

    String first =
        accept(orderId)
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andExpect(jsonPath("$.orderId").value(orderId))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        accept(orderId)
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).isEqualTo(first);
  }

  @Test
  void anOrderThatNeverWaitedForAcceptanceIsAConflict() throws Exception {
    String orderId = placeOrder(1);

    accept(orderId)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private String placeOrder(int product) throws Exception {
    Users.SignedIn buyer = Users.newUser(http);
    String answer =
        http.perform(
                post("/order/place")
                    .param("idSubscription", Integer.toString(product))
                    .header("Authorization", buyer.bearer()))
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new ObjectMapper().readTree(answer).get("orderId").asText();
  }

  private ResultActions accept(String orderId) throws Exception {
    return http.perform(
        put("/delivery/accept").param("idOrder", orderId).header("Authorization", staff.bearer()));
  }
}
