package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import dev.lotussaga.web.MoneyAmount;
import io.temporal.client.WorkflowClient;
import java.time.Duration;
import java.time.Instant;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

@GatewayTest
class OrderApiTest {

  @Autowired MockMvc http;
  @Autowired WorkflowClient workflows;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired CustomerOrderRepository orders;
  @Autowired StandInServices services;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void placingAnOrderStartsItsWorkflowAndAnswersAccepted() throws Exception {
    String orderId =
        orderIdOf(
            place(buyer, 1, null)
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.status").value("ValidatingBilling"))
                .andExpect(header().string("Location", Matchers.startsWith("/order/"))));

    assertThat(workflows.fetchHistory(OrderWorkflowIds.workflowId(orderId)).getEvents())
        .isNotEmpty();
    http.perform(get("/order/{id}", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(orderId))
        .andExpect(jsonPath("$.productId").value(1))
        .andExpect(jsonPath("$.price").value(100.0))
        .andExpect(jsonPath("$.status").value("ValidatingBilling"))
        .andExpect(jsonPath("$.waitingFor").value("FUNDS"))
        .andExpect(jsonPath("$.history[0].state").value("ValidatingBilling"))
        .andExpect(jsonPath("$.source").value("workflow"));
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameOrder() throws Exception {
    String first = orderIdOf(place(buyer, 1, "key-1").andExpect(status().isAccepted()));
    String again = orderIdOf(place(buyer, 1, "key-1").andExpect(status().isOk()));

    assertThat(again).isEqualTo(first);
    assertThat(orders.findByUserIdOrderByCreatedAtDesc(buyer.id())).hasSize(1);
    problem(place(buyer, 2, "key-1"), 422);
    Users.SignedIn other = Users.newUser(http);
    assertThat(orderIdOf(place(other, 1, "key-1").andExpect(status().isAccepted())))
        .as("keys are per user")
        .isNotEqualTo(first);
  }

  @Test
  void orderingSomethingThatDoesNotExistIsBadInput() throws Exception {
    problem(place(buyer, 999, null), 400);
    problem(
        http.perform(
            post("/order/place")
                .param("idSubscription", "one")
                .header("Authorization", buyer.bearer())),
        400);
    problem(http.perform(post("/order/place").header("Authorization", buyer.bearer())), 400);
    problem(place(buyer, 1, "with spaces"), 400);
  }

  @Test
  void someoneElsesOrderDoesNotExistForYou() throws Exception {
    String orderId = orderIdOf(place(buyer, 1, null));
    Users.SignedIn stranger = Users.newUser(http);

    problem(
        http.perform(get("/order/{id}", orderId).header("Authorization", stranger.bearer())), 404);
    problem(
        http.perform(get("/order/{id}", "no-such-order").header("Authorization", buyer.bearer())),
        404);
    http.perform(get("/order").header("Authorization", stranger.bearer()))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void cancellingAWaitingOrderIsAcceptedOnceThenAnsweredAsDone() throws Exception {
    String orderId = orderIdOf(place(buyer, 3, null));

    cancel(buyer, orderId, "{\"reason\":\"found it cheaper\"}")
        .andExpect(status().isAccepted())
        .andExpect(jsonPath("$.orderId").value(orderId));
    cancel(buyer, orderId, null)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("Cancelled"));
  }

  @Test
  void nobodyCancelsSomeoneElsesOrder() throws Exception {
    String orderId = orderIdOf(place(buyer, 3, null));
    Users.SignedIn stranger = Users.newUser(http);

    problem(cancel(stranger, orderId, null), 404);
    problem(cancel(buyer, orderId, "{\"reason\":\"" + "x".repeat(501) + "\"}"), 400);
    problem(cancel(buyer, orderId, "{\"why\":\"unknown field\"}"), 400);
  }

  @Test
  void listsMyOrdersNewestFirst() throws Exception {
    String older = orderIdOf(place(buyer, 1, null));
    String newer = orderIdOf(place(buyer, 3, null));

    http.perform(get("/order").header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].orderId").value(newer))
        .andExpect(jsonPath("$[1].orderId").value(older))
        .andExpect(jsonPath("$[0].price").value(1500.0));
  }

  @Test
  void keepsTheLastStateSeenOnKafkaForWhenTheWorkflowCannotBeAsked() throws Exception {
    String orderId = orderIdOf(place(buyer, 2, null));
    publish(
        new OrderEvent(
            orderId + "-1",
            orderId,
            buyer.id(),
            OrderState.ValidatingStock,
            WaitingFor.STOCK,
            NotificationType.ORDER_PAID,
            "Paid 500.00",
            Instant.now()));

    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    CustomerOrder stored = orders.findById(orderId).orElseThrow();
    while (stored.lastKnownStatus().state() != OrderState.ValidatingStock
        && System.nanoTime() < deadline) {
      Thread.sleep(50);
      stored = orders.findById(orderId).orElseThrow();
    }
    assertThat(stored.lastKnownStatus().state()).isEqualTo(OrderState.ValidatingStock);
    assertThat(stored.lastKnownStatus().waitingFor()).isEqualTo(WaitingFor.STOCK);
    http.perform(get("/order").header("Authorization", buyer.bearer()))
        .andExpect(jsonPath("$[0].status").value("ValidatingStock"))
        .andExpect(jsonPath("$[0].waitingFor").value("STOCK"));
  }

  @Test
  void aServiceOutageIsAnsweredWithServiceUnavailableNotAnError() throws Exception {
    services.duringOutage(
        () -> {
          problem(
              http.perform(
                  post("/billing/add-money")
                      .param("money", "100")
                      .header("Authorization", buyer.bearer())),
              503);
          problem(http.perform(get("/notification").header("Authorization", buyer.bearer())), 503);
        });
  }

  @Test
  void moneyMustBeAPositiveAmount() throws Exception {
    for (String money : new String[] {"-5", "0", "abc", "1.001", "1e20", ""}) {
      problem(
          http.perform(
              post("/billing/add-money")
                  .param("money", money)
                  .header("Authorization", buyer.bearer())),
          400);
    }
    http.perform(
            post("/billing/add-money").param("money", "-5").header("Authorization", buyer.bearer()))
        .andExpect(jsonPath("$.detail").value("money must be " + MoneyAmount.FORM));
  }

  private ResultActions place(Users.SignedIn user, int product, String idempotencyKey)
      throws Exception {
    var request =
        post("/order/place")
            .param("idSubscription", Integer.toString(product))
            .header("Authorization", user.bearer());
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.perform(request);
  }

  private ResultActions cancel(Users.SignedIn user, String orderId, String body) throws Exception {
    var request = post("/order/{id}/cancel", orderId).header("Authorization", user.bearer());
    if (body != null) {
      request.contentType(MediaType.APPLICATION_JSON).content(body);
    }
    return http.perform(request);
  }

  private String orderIdOf(ResultActions placed) throws Exception {
    return json.readTree(placed.andReturn().getResponse().getContentAsString())
        .get("orderId")
        .asText();
  }

  private void publish(OrderEvent event) throws Exception {
    OrderEventPublisher.publish(broker, event);
  }

  private static void problem(ResultActions result, int status) throws Exception {
    result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").isString());
  }
}
