package dev.lotussaga.gateway.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class StockAddApiTest {

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  private Users.SignedIn staff;

  @BeforeEach
  void signIn() throws Exception {
    staff = Users.login(http, "staff@lotus.local", "lotus-staff-local");
  }

  @Test
  void aRepeatedKeyGetsTheFirstAnswerMarkedAsReplayed() throws Exception {
    String key = "arrival-" + UUID.randomUUID();

    String first =
        addStock(1, 3, key)
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andReturn()
            .getResponse()
            .getContentAsString();
    addStock(1, 1, null).andExpect(status().isOk());
    String again =
        addStock(1, 3, key)
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).as("the units available as the first answer said").isEqualTo(first);
    assertThat(services.forwardedKeys())
        .as("stock got the key with the staff member it belongs to")
        .filteredOn(call -> call.endsWith(" " + key))
        .containsOnly("POST /internal/products/1/additions?units=3 " + key)
        .hasSize(2);
  }

  @Test
  void theSameKeyForAnotherProductOrCountIsUnprocessable() throws Exception {
    String key = "arrival-" + UUID.randomUUID();
    addStock(1, 2, key).andExpect(status().isOk());

    problem(addStock(1, 5, key), 422);
    problem(addStock(2, 2, key), 422);
  }

  @Test
  void aMalformedKeyIsRefusedBeforeStockIsAsked() throws Exception {
    int callsBefore = services.calls().size();
    for (String key : new String[] {"", "with space", "x".repeat(101), "ключ"}) {
      problem(addStock(1, 1, key), 400);
    }
    assertThat(services.calls()).hasSize(callsBefore);
  }

  private ResultActions addStock(int product, int count, String key) throws Exception {
    var request =
        put("/stock/add")
            .param("idSubscription", Integer.toString(product))
            .param("count", Integer.toString(count))
            .header("Authorization", staff.bearer());
    if (key != null) {
      request.header("Idempotency-Key", key);
    }
    return http.perform(request);
  }

  private static void problem(ResultActions result, int status) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
