package dev.lotussaga.delivery.acceptance;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class AcceptanceControllerTest {

  static final String AUDIENCE = "lotus-delivery";

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;

  private final String orderId = UUID.randomUUID().toString();

  @Test
  void acceptingAgainAnswersTheFirstAcceptanceAndSignalsOnce() throws Exception {
    jdbc.update("insert into acceptance_request (order_id, product_id) values (?, 3)", orderId);

    String first =
        http.perform(post("/internal/acceptances/{id}", orderId).with(asStaff(AUDIENCE)))
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andExpect(jsonPath("$.orderId").value(orderId))
            .andReturn()
            .getResponse()
            .getContentAsString();
    String again =
        http.perform(post("/internal/acceptances/{id}", orderId).with(asStaff(AUDIENCE)))
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).isEqualTo(first);
    assertThat(
            jdbc.queryForObject(
                "select count(*) from signal_outbox where workflow_id = ? and signal_name = ?",
                Long.class,
                OrderWorkflowIds.workflowId(orderId),
                OrderWorkflow.SIGNAL_DELIVERY_ACCEPTED))
        .as("the order is woken once")
        .isEqualTo(1);
  }

  @Test
  void anOrderThatDoesNotWaitForAcceptanceIsAConflict() throws Exception {
    http.perform(post("/internal/acceptances/{id}", orderId).with(asStaff(AUDIENCE)))
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
