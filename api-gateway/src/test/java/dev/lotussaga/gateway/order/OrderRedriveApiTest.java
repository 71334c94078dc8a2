package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.order.OrderRequest;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.Resumption;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.micrometer.core.instrument.MeterRegistry;
import io.temporal.api.enums.v1.WorkflowExecutionStatus;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Orders whose workflow is gone get a new run under the same workflow id, carrying what the runs
 * before them leave behind: the next generation, their first waits, their wait limits, a stored
 * cancel. The stand-in saga waits for funds, so every order here is not final.
 */
@GatewayTest
class OrderRedriveApiTest {

  @Autowired MockMvc http;
  @Autowired WorkflowClient workflows;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry meters;
  @Autowired CustomerOrderRepository repository;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn buyer;
  private String staff;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
    staff = Users.login(http, "staff@lotus.local", "lotus-staff-local").bearer();
  }

  @Test
  void aTerminatedOrderGetsANewRunThatKeepsItsFirstWaitsAndLimits() throws Exception {
    String orderId = place();
    Instant firstWait = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.MILLIS);
    jdbc.update(
        "insert into order_state_change (event_id, order_id, status, waiting_for, at)"
            + " values (?, ?, 'ValidatingBilling', 'FUNDS', ?)",
        orderId + "-1",
        orderId,
        Timestamp.from(firstWait));
    terminate(orderId);

    redrive(orderId)
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.redriven").value(true))
        .andExpect(jsonPath("$.reason").value("terminated"));

    assertThat(execution(orderId))
        .isEqualTo(WorkflowExecutionStatus.WORKFLOW_EXECUTION_STATUS_RUNNING);
    OrderRequest input = inputOfLatestRun(orderId);
    assertThat(input.waitLimits()).isEqualTo(WaitLimits.DEFAULT);
    assertThat(input.resumption())
        .isEqualTo(new Resumption(2, java.util.Map.of(WaitingFor.FUNDS, firstWait), null));
    redrive(orderId).andExpect(status().isOk()).andExpect(jsonPath("$.redriven").value(false));
  }

  @Test
  void cancellingAnOrderWhoseWorkflowIsGoneIsAcceptedAndTheNewRunCompensates() throws Exception {
    String orderId = place();
    terminate(orderId);

    http.perform(
            post("/order/{id}/cancel", orderId)
                .header("Authorization", buyer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"found it cheaper\"}"))
        .andExpect(status().isAccepted());

    assertThat(inputOfLatestRun(orderId).resumption().cancelReason()).isEqualTo("found it cheaper");
    assertThat(
            jdbc.queryForObject(
                "select cancel_reason from customer_order where order_id = ?",
                String.class,
                orderId))
        .isEqualTo("found it cheaper");
  }

  @Test
  void aCancelOfAnOrderNotStartedYetStartsItsFirstRunWithTheCancel() throws Exception {
    CustomerOrder order =
        repository.saveAndFlush(
            new CustomerOrder(
                UUID.randomUUID().toString(),
                buyer.id(),
                1,
                new BigDecimal("100.00"),
                null,
                WaitLimits.DEFAULT,
                null));

    http.perform(
            post("/order/{id}/cancel", order.orderId())
                .header("Authorization", buyer.bearer())
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\":\"too slow\"}"))
        .andExpect(status().isAccepted());

    assertThat(repository.findById(order.orderId()).orElseThrow().workflowStarted()).isTrue();
    redrive(order.orderId())
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.redriven").value(false));
    assertThat(inputOfLatestRun(order.orderId()).resumption())
        .isEqualTo(new Resumption(1, java.util.Map.of(), "too slow"));
  }

  @Test
  void theSweepRedrivesOnlyOrdersWhoseWorkflowIsGoneAndCountsThemByReason() throws Exception {
    String running = place();
    String terminated = place();
    terminate(terminated);
    double before = redrivenCount("terminated");

    JsonNode sweep =
        json.readTree(
            http.perform(post("/admin/orders/redrive").header("Authorization", staff))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString());

    List<String> redriven = new ArrayList<>();
    sweep.get("redriven").forEach(order -> redriven.add(order.get("orderId").asText()));
    assertThat(redriven).contains(terminated).doesNotContain(running);
    assertThat(sweep.get("checked").asInt()).isGreaterThanOrEqualTo(2);
    assertThat(redrivenCount("terminated")).isEqualTo(before + 1);
    assertThat(inputOfLatestRun(running).resumption()).isNull();
  }

  @Test
  void onlyStaffMayRedrive() throws Exception {
    String orderId = place();
    http.perform(post("/admin/orders/redrive").header("Authorization", buyer.bearer()))
        .andExpect(status().isForbidden());
    http.perform(
            post("/admin/orders/{id}/redrive", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isForbidden());
    redrive("00000000-0000-0000-0000-000000000000").andExpect(status().isNotFound());
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

  private org.springframework.test.web.servlet.ResultActions redrive(String orderId)
      throws Exception {
    return http.perform(post("/admin/orders/{id}/redrive", orderId).header("Authorization", staff));
  }

  private void terminate(String orderId) {
    workflows
        .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(orderId))
        .terminate("operator test");
  }

  private WorkflowExecutionStatus execution(String orderId) {
    return workflows
        .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(orderId))
        .describe()
        .getStatus();
  }

  private OrderRequest inputOfLatestRun(String orderId) {
    HistoryEvent started =
        workflows.fetchHistory(OrderWorkflowIds.workflowId(orderId)).getEvents().get(0);
    // The client's converter: the input is encrypted (platform/codec).
    return workflows
        .getOptions()
        .getDataConverter()
        .fromPayloads(
            0,
            Optional.of(started.getWorkflowExecutionStartedEventAttributes().getInput()),
            OrderRequest.class,
            OrderRequest.class);
  }

  private double redrivenCount(String reason) {
    var counter = meters.find("lotus.orders.redriven").tag("reason", reason).counter();
    return counter == null ? 0 : counter.count();
  }
}
