package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * {@code Prefer: wait=N} on placing an order: the answer carries the payment (201), the same answer
 * for a retry with the same Idempotency-Key, and a wait out of range is refused.
 */
@GatewayTest
class PaymentAnswerApiTest {

  @Autowired MockMvc http;
  @Autowired CustomerOrderRepository orders;
  @Autowired JdbcTemplate jdbc;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void anOrderShortOfMoneyAnswersWithWhatIsMissing() throws Exception {
    http.perform(
            post("/billing/add-money")
                .param("money", "100")
                .header("Authorization", buyer.bearer()))
        .andExpect(status().isOk());

    place("wait=5", null)
        .andExpect(status().isCreated())
        .andExpect(header().string("Preference-Applied", "wait=5"))
        .andExpect(header().string("Location", Matchers.startsWith("/order/")))
        .andExpect(jsonPath("$.status").value("ValidatingBilling"))
        .andExpect(jsonPath("$.waitingFor").value("FUNDS"))
        .andExpect(jsonPath("$.missing").value(400.0));
  }

  @Test
  void whatIsMissingCountsTheBuyersEarlierOrdersWaitingForFunds() throws Exception {
    String earlier =
        orderIdOf(place(null, null).andExpect(status().isAccepted()).andReturn().getResponse());
    // As the order's event would have it stored: it waits for funds, first in line.
    jdbc.update("update customer_order set waiting_for = 'FUNDS' where order_id = ?", earlier);
    http.perform(
            post("/billing/add-money")
                .param("money", "200")
                .header("Authorization", buyer.bearer()))
        .andExpect(status().isOk());

    place("wait=5", null)
        .andExpect(status().isCreated())
        .andExpect(jsonPath("$.waitingFor").value("FUNDS"))
        .andExpect(jsonPath("$.missing").value(800.0));
  }

  @Test
  void aRetryWithTheSameKeyGetsTheSameAnswerAndPlacesNothingNew() throws Exception {
    String key = "pay-" + UUID.randomUUID();
    String first =
        place("respond-async, wait=3", key)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();
    long placed = orders.count();

    String again =
        place("wait=3", key)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).isEqualTo(first);
    assertThat(orders.count()).isEqualTo(placed);
  }

  @Test
  void withoutAWaitTheAnswerIsAsBefore() throws Exception {
    place(null, null)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.status").value("ValidatingBilling"))
        .andExpect(jsonPath("$.waitingFor").doesNotExist())
        .andExpect(jsonPath("$.missing").doesNotExist());
    place("respond-async", null).andExpect(status().isAccepted());
  }

  @Test
  void aWaitOutOfRangeIsRefused() throws Exception {
    long before = orders.count();
    for (String prefer :
        new String[] {"wait=0", "wait=11", "wait=abc", "wait=-1", "wait", "wait=1.5"}) {
      place(prefer, null)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(
              jsonPath("$.detail")
                  .value("Prefer: wait must be a whole number of seconds from 1 to 10"));
    }
    assertThat(orders.count()).as("nothing placed").isEqualTo(before);
  }

  @Test
  void theAnswerCanBeReadBackAsTheOrder() throws Exception {
    String location =
        place("wait=5", null)
            .andExpect(status().isCreated())
            .andReturn()
            .getResponse()
            .getHeader("Location");

    http.perform(get(location).header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.productId").value(2));
  }

  private static String orderIdOf(MockHttpServletResponse response) {
    String location = response.getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private ResultActions place(String prefer, String idempotencyKey) throws Exception {
    var request =
        post("/order/place").param("idSubscription", "2").header("Authorization", buyer.bearer());
    if (prefer != null) {
      request.header("Prefer", prefer);
    }
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.perform(request);
  }
}
