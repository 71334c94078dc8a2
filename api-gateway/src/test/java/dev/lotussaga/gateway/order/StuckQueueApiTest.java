package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.EventType;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The staff recovery queue, fed by the events a stuck order publishes; the stand-in saga takes the
 * retry signal and the resolution update as the real one does.
 */
@GatewayTest
class StuckQueueApiTest {

  @Autowired MockMvc http;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired WorkflowClient workflows;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn buyer;
  private String staff;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
    staff = Users.login(http, "staff@lotus.local", "lotus-staff-local").bearer();
  }

  @Test
  void aStuckRefundIsListedShownRetriedAndResolvedByHandWithAnAuditedReason() throws Exception {
    String orderId = place();
    Instant since = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    OrderEventPublisher.publish(
        broker,
        new OrderEvent(
            orderId + "-5",
            orderId,
            buyer.id(),
            OrderState.ValidatingStock,
            WaitingFor.STOCK,
            null,
            "Stuck on refund after 1 failed attempts: AccountClosed: closed; waits for staff",
            since,
            new StuckStep("refund", 1, "AccountClosed: closed", since, true)));
    awaitTrue(() -> queueHas(orderId));

    http.perform(get("/admin/stuck").header("Authorization", staff))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[?(@.orderId == '" + orderId + "')].stuck.step").value("refund"))
        .andExpect(
            jsonPath("$[?(@.orderId == '" + orderId + "')].stuck.waitsForStaff").value(true));
    http.perform(get("/order/{id}", orderId).header("Authorization", buyer.bearer()))
        .andExpect(jsonPath("$.stuck.step").value("refund"))
        .andExpect(jsonPath("$.stuck.lastError").value("AccountClosed: closed"));
    assertThat(meters.get("lotus.orders.stuck").tag("step", "refund").gauge().value())
        .isGreaterThanOrEqualTo(1);

    http.perform(post("/admin/stuck/{id}/retry", orderId).header("Authorization", staff))
        .andExpect(status().isAccepted());
    resolve(orderId, "{}")
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    resolve(orderId, "{\"reason\":\"refunded by bank transfer\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.step").value("refund"))
        .andExpect(jsonPath("$.resolvedBy").value("staff@lotus.local"));

    Map<String, Object> audit =
        jdbc.queryForMap(
            "select step, reason, resolved_by from stuck_resolution where order_id = ?", orderId);
    assertThat(audit)
        .containsEntry("step", "refund")
        .containsEntry("reason", "refunded by bank transfer")
        .containsEntry("resolved_by", "staff@lotus.local");
    assertThat(
            http.perform(get("/order/{id}/timeline", orderId).header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString())
        .contains("refunded by bank transfer")
        .contains("staff@lotus.local");
    assertThat(historyHas(orderId, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED)).isTrue();
    assertThat(historyHas(orderId, EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED))
        .isTrue();
  }

  @Test
  void anOrderThatIsNotStuckIsNotInTheQueueAndCannotBeResolved() throws Exception {
    String orderId = place();

    assertThat(queueHas(orderId)).isFalse();
    resolve(orderId, "{\"reason\":\"nothing to do\"}").andExpect(status().isConflict());
    http.perform(post("/admin/stuck/{id}/retry", orderId).header("Authorization", staff))
        .andExpect(status().isConflict());
  }

  @Test
  void theQueueIsForStaffOnly() throws Exception {
    http.perform(get("/admin/stuck").header("Authorization", buyer.bearer()))
        .andExpect(status().isForbidden());
  }

  private String place() throws Exception {
    String body =
        http.perform(
                post("/order/place")
                    .param("idSubscription", "1")
                    .header("Authorization", buyer.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(body).get("orderId").asText();
  }

  private org.springframework.test.web.servlet.ResultActions resolve(String orderId, String body)
      throws Exception {
    return http.perform(
        post("/admin/stuck/{id}/resolve", orderId)
            .header("Authorization", staff)
            .contentType(MediaType.APPLICATION_JSON)
            .content(body));
  }

  private boolean queueHas(String orderId) {
    try {
      String body =
          http.perform(get("/admin/stuck").header("Authorization", staff))
              .andReturn()
              .getResponse()
              .getContentAsString();
      return body.contains(orderId);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private boolean historyHas(String orderId, EventType type) {
    return workflows.fetchHistory(OrderWorkflowIds.workflowId(orderId)).getEvents().stream()
        .anyMatch(event -> event.getEventType() == type);
  }

  private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.get()).as("condition met within 20 s").isTrue();
  }
}
