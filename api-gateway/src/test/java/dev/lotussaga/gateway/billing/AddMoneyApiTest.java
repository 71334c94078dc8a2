package dev.lotussaga.gateway.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import dev.lotussaga.web.MoneyAmount;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class AddMoneyApiTest {

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void aRepeatedKeyGetsTheFirstAnswerMarkedAsReplayed() throws Exception {
    String key = "top-up-" + UUID.randomUUID();

    String first =
        addMoney(buyer, "10.50", key)
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andExpect(jsonPath("$.balance").value(10.5))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        addMoney(buyer, "10.50", key)
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).isEqualTo(first);
    assertThat(services.forwardedKeys())
        .as("billing got the key with each request, for the buyer's own account")
        .filteredOn(call -> call.endsWith(" " + key))
        .containsExactly(
            "POST /internal/accounts/" + buyer.id() + "/deposits?amount=10.50 " + key,
            "POST /internal/accounts/" + buyer.id() + "/deposits?amount=10.50 " + key);
    http.perform(get("/billing/balance").header("Authorization", buyer.bearer()))
        .andExpect(jsonPath("$.balance").value(10.5));
  }

  @Test
  void theSameKeyForAnotherAmountIsUnprocessable() throws Exception {
    String key = "top-up-" + UUID.randomUUID();
    addMoney(buyer, "10", key).andExpect(status().isOk());

    problem(addMoney(buyer, "20", key), 422);
    addMoney(Users.newUser(http), "20", key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
  }

  @Test
  void aMalformedKeyIsRefusedBeforeBillingIsAsked() throws Exception {
    int callsBefore = services.calls().size();
    for (String key : new String[] {"", "with space", "x".repeat(101), "clé"}) {
      problem(addMoney(buyer, "10", key), 400)
          .andExpect(
              jsonPath("$.detail").value(org.hamcrest.Matchers.startsWith("idempotencyKey")));
    }
    assertThat(services.calls()).hasSize(callsBefore);
  }

  @Test
  void moneyIsAsciiDigitsWithAtMostTwoDecimals() throws Exception {
    for (String money : new String[] {"10", "10.5", "10.50", "0.01", "1000000000"}) {
      addMoney(buyer, money, null).andExpect(status().isOk());
      assertThat(services.calls()).last().asString().endsWith("?amount=" + money);
    }
    int callsBefore = services.calls().size();
    for (String money :
        new String[] {
          "１０",
          "١٢٣",
          "1e3",
          "1E3",
          "-5",
          "+5",
          " 10",
          "10 ",
          "1 0",
          ".5",
          "10.",
          "",
          "0",
          "0.00",
          "1.001",
          "1000000000.01",
          "10,5",
          "0x10",
          "NaN",
          "Infinity"
        }) {
      problem(addMoney(buyer, money, null), 400)
          .andExpect(jsonPath("$.detail").value("money must be " + MoneyAmount.FORM));
    }
    assertThat(services.calls()).as("billing never saw a refused amount").hasSize(callsBefore);
  }

  private ResultActions addMoney(Users.SignedIn user, String money, String key) throws Exception {
    var request =
        post("/billing/add-money").param("money", money).header("Authorization", user.bearer());
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.perform(request);
  }

  private static ResultActions problem(ResultActions result, int status) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").isString());
  }
}
