package dev.lotussaga.gateway.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.temporal.client.WorkflowClient;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * GET /order/{orderId}/timeline against the Temporal test server (with the gateway tests' stand-in
 * order workflow), the real database and Kafka.
 */
@GatewayTest
class TimelineApiTest {

  @Autowired MockMvc http;
  @Autowired WorkflowClient workflows;
  @Autowired JdbcTemplate jdbc;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void theOwnerSeesTheWorkflowHistoryWithItsWaitAndTheCommandToInspectIt() throws Exception {
    String orderId = place(buyer, 1);

    JsonNode timeline =
        read(
            timeline(buyer, orderId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.orderId").value(orderId))
                .andExpect(jsonPath("$.workflowId").value("order-" + orderId))
                .andExpect(jsonPath("$.source").value("workflow-history")));

    assertThat(timeline.get("runId").asText()).isNotBlank();
    assertThat(timeline.get("temporalCommand").asText())
        .startsWith(
            "temporal workflow show --workflow-id order-" + orderId + " --namespace default");
    assertThat(titles(timeline)).startsWith("Workflow started").contains("Waiting for FUNDS");
    assertThat(timeline.get("entries").get(0).get("detail").asText())
        .contains("OrderWorkflow on task queue order-saga");
  }

  @Test
  void aSignalAndTheEndOfTheWorkflowShowInTheOrderTheyHappened() throws Exception {
    String orderId = place(buyer, 1);
    String workflowId = OrderWorkflowIds.workflowId(orderId);
    workflows.newWorkflowStub(OrderWorkflow.class, workflowId).fundsAdded();
    workflows.newUntypedWorkflowStub(workflowId).getResult(10, TimeUnit.SECONDS, OrderStatus.class);

    List<String> titles = titles(read(timeline(buyer, orderId).andExpect(status().isOk())));

    assertThat(titles)
        .containsSubsequence(
            "Workflow started", "Signal fundsAdded received", "Workflow completed");
  }

  @Test
  void aCancelShowsAsTheAcceptedAndCompletedCancelUpdate() throws Exception {
    String orderId = place(buyer, 3);
    http.perform(post("/order/{id}/cancel", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isAccepted());

    JsonNode timeline = read(timeline(buyer, orderId).andExpect(status().isOk()));

    assertThat(titles(timeline))
        .containsSubsequence("Update cancel accepted", "Update cancel completed");
  }

  @Test
  void staffSeeEveryTimelineAndEveryoneElseTheSameNotFoundAsForTheOrder() throws Exception {
    String orderId = place(buyer, 1);
    Users.SignedIn stranger = Users.newUser(http);
    String staff = Users.login(http, "staff@lotus.local", "lotus-staff-local").bearer();

    http.perform(get("/order/{id}/timeline", orderId).header("Authorization", staff))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(orderId));
    for (String id : List.of(orderId, UUID.randomUUID().toString(), "not-an-order")) {
      String orderAnswer =
          notFound(http.perform(get("/order/{id}", id).header("Authorization", stranger.bearer())));
      assertThat(notFound(timeline(stranger, id))).isEqualTo(orderAnswer);
    }
    http.perform(get("/order/{id}/timeline", orderId))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(
            get("/order/{id}/timeline", "x".repeat(65)).header("Authorization", buyer.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  /**
   * As after the in-memory test server restarted: the gateway has the order and the state changes
   * it saw on Kafka, Temporal has no such workflow.
   */
  @Test
  void withoutItsWorkflowAnOrderShowsTheStatesTheGatewayStored() throws Exception {
    String orderId = UUID.randomUUID().toString();
    jdbc.update(
        """
        insert into customer_order (order_id, user_id, product_id, price, status, waiting_for,
                                    status_at, workflow_started, created_at)
        values (?, ?, 2, 500.00, 'ValidatingStock', 'STOCK', now(), true, now() - interval '1 minute')
        """,
        orderId,
        buyer.id());
    jdbc.update(
        """
        insert into order_state_change (event_id, order_id, status, waiting_for, at)
        values (? || '-1', ?, 'ValidatingStock', null, now() - interval '50 seconds'),
               (? || '-2', ?, 'ValidatingStock', 'STOCK', now() - interval '50 seconds')
        """,
        orderId,
        orderId,
        orderId,
        orderId);

    JsonNode timeline =
        read(
            timeline(buyer, orderId)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.source").value("stored-states"))
                .andExpect(jsonPath("$.runId").doesNotExist()));

    assertThat(titles(timeline))
        .containsExactly("ValidatingBilling", "ValidatingStock", "Waiting for STOCK");
    assertThat(timeline.get("temporalCommand").asText())
        .startsWith("temporal workflow show --workflow-id order-" + orderId);
  }

  @Test
  void staffListEveryonesOrdersNewestFirstAndBuyersOnlyTheirOwn() throws Exception {
    Users.SignedIn other = Users.newUser(http);
    String older = place(buyer, 1);
    String newer = place(other, 3);
    String staff = Users.login(http, "staff@lotus.local", "lotus-staff-local").bearer();

    List<String> all = orderIds(http.perform(get("/order").header("Authorization", staff)));
    assertThat(all).containsSubsequence(newer, older).hasSizeLessThanOrEqualTo(100);
    assertThat(orderIds(http.perform(get("/order?limit=1").header("Authorization", staff))))
        .hasSize(1);
    assertThat(orderIds(http.perform(get("/order").header("Authorization", buyer.bearer()))))
        .containsExactly(older);
    for (String limit : List.of("0", "101", "many")) {
      http.perform(get("/order").param("limit", limit).header("Authorization", staff))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  private String place(Users.SignedIn user, int product) throws Exception {
    return read(http.perform(
                post("/order/place")
                    .param("idSubscription", Integer.toString(product))
                    .header("Authorization", user.bearer()))
            .andExpect(status().isAccepted()))
        .get("orderId")
        .asText();
  }

  private ResultActions timeline(Users.SignedIn user, String orderId) throws Exception {
    return http.perform(
        get("/order/{id}/timeline", orderId).header("Authorization", user.bearer()));
  }

  private String notFound(ResultActions answer) throws Exception {
    return read(answer
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)))
        .get("detail")
        .asText();
  }

  private List<String> orderIds(ResultActions answer) throws Exception {
    return StreamSupport.stream(read(answer.andExpect(status().isOk())).spliterator(), false)
        .map(order -> order.get("orderId").asText())
        .toList();
  }

  private JsonNode read(ResultActions answer) throws Exception {
    return json.readTree(answer.andReturn().getResponse().getContentAsString());
  }

  private static List<String> titles(JsonNode timeline) {
    return StreamSupport.stream(timeline.get("entries").spliterator(), false)
        .map(entry -> entry.get("title").asText())
        .toList();
  }
}
