package dev.lotussaga.billing.account;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.web.MoneyAmount;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AccountControllerTest {

  static final String AUDIENCE = "lotus-billing";

  @Autowired MockMvc http;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

  @Test
  void depositsAddUpToTheBalance() throws Exception {
    http.perform(
            post("/internal/accounts/{id}/deposits", buyer)
                .param("amount", "250.50")
                .with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.balance").value(250.50));
    http.perform(
            post("/internal/accounts/{id}/deposits", buyer)
                .param("amount", "49.50")
                .with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.balance").value(300.0));
    http.perform(get("/internal/accounts/{id}", buyer).with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.balance").value(300.0));
  }

  @Test
  void anUnknownBuyerHasNothing() throws Exception {
    http.perform(get("/internal/accounts/{id}", buyer).with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.balance").value(0));
  }

  @Test
  void rejectsAmountsThatAreNotPositiveMoneyAsProblems() throws Exception {
    for (String amount :
        new String[] {
          "0",
          "-5",
          "abc",
          "1.001",
          "1e12",
          "",
          "１０",
          "١٢٣",
          "1e3",
          "+5",
          " 10",
          "10 ",
          "1 0",
          ".5",
          "10.",
          "0.00",
          "1000000000.01",
          "10,5",
          "NaN"
        }) {
      http.perform(
              post("/internal/accounts/{id}/deposits", buyer)
                  .param("amount", amount)
                  .with(asStaff(AUDIENCE)))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail").value("amount must be " + MoneyAmount.FORM));
    }
    http.perform(get("/internal/accounts/{id}", buyer).with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.balance").value(0));
  }

  @Test
  void takesDigitsWithUpToTwoDecimals() throws Exception {
    for (String amount : new String[] {"10", "10.5", "10.50", "0.01", "1000000000"}) {
      http.perform(
              post("/internal/accounts/{id}/deposits", buyer)
                  .param("amount", amount)
                  .with(asStaff(AUDIENCE)))
          .andExpect(status().isOk());
    }
    http.perform(get("/internal/accounts/{id}", buyer).with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.balance").value(1000000031.01));
  }
}
