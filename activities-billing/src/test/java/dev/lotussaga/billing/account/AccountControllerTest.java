package dev.lotussaga.billing.account;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

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

  @Autowired MockMvc http;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);

  @Test
  void depositsAddUpToTheBalance() throws Exception {
    http.perform(post("/internal/accounts/{id}/deposits", buyer).param("amount", "250.50"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.balance").value(250.50));
    http.perform(post("/internal/accounts/{id}/deposits", buyer).param("amount", "49.50"))
        .andExpect(jsonPath("$.balance").value(300.0));
    http.perform(get("/internal/accounts/{id}", buyer))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.balance").value(300.0));
  }

  @Test
  void anUnknownBuyerHasNothing() throws Exception {
    http.perform(get("/internal/accounts/{id}", buyer)).andExpect(jsonPath("$.balance").value(0));
  }

  @Test
  void rejectsAmountsThatAreNotPositiveMoneyAsProblems() throws Exception {
    for (String amount : new String[] {"0", "-5", "abc", "1.001", "1e12", ""}) {
      http.perform(post("/internal/accounts/{id}/deposits", buyer).param("amount", amount))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }
}
