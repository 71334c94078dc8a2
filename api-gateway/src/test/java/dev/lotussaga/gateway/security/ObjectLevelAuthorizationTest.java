package dev.lotussaga.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * Another buyer's order does not exist for you: every endpoint that names an order answers 404,
 * exactly as for an order that never existed, and no list shows another buyer's data.
 */
@GatewayTest
class ObjectLevelAuthorizationTest {

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  private final ObjectMapper json = new ObjectMapper();
  private Users.SignedIn owner;
  private Users.SignedIn stranger;
  private String ownersOrder;
  private String strangersOrder;

  @BeforeEach
  void twoBuyersWithAnOrderEach() throws Exception {
    owner = Users.newUser(http);
    stranger = Users.newUser(http);
    ownersOrder = place(owner);
    strangersOrder = place(stranger);
    services.notify(owner.id(), ownersOrder, "PAYMENT_FAILED");
    services.notify(stranger.id(), strangersOrder, "PAYMENT_FAILED");
  }

  @Test
  void everyEndpointNamingAnOrderAnswersNotFoundForSomeoneElsesOrder() throws Exception {
    for (String orderId : List.of(ownersOrder, UUID.randomUUID().toString())) {
      for (MockHttpServletRequestBuilder request : requestsNaming(orderId)) {
        http.perform(request.header("Authorization", stranger.bearer()))
            .andExpect(status().isNotFound())
            .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
            .andExpect(jsonPath("$.detail").value("There is no order " + orderId));
      }
    }
  }

  @Test
  void theOwnerAndStaffDoSeeTheOrder() throws Exception {
    String staff = Users.login(http, "staff@lotus.local", "lotus-staff-local").bearer();

    http.perform(get("/order/{id}", ownersOrder).header("Authorization", owner.bearer()))
        .andExpect(status().isOk());
    http.perform(get("/order/{id}", ownersOrder).header("Authorization", staff))
        .andExpect(status().isOk());
    http.perform(
            get("/notification")
                .param("orderId", ownersOrder)
                .header("Authorization", owner.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$[0].orderId").value(ownersOrder));
  }

  @Test
  void aStrangersCancelChangesNothing() throws Exception {
    http.perform(post("/order/{id}/cancel", ownersOrder).header("Authorization", stranger.bearer()))
        .andExpect(status().isNotFound());

    http.perform(get("/order/{id}", ownersOrder).header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.status").value("ValidatingBilling"));
  }

  @Test
  void noListShowsAnotherBuyersOrdersOrNotifications() throws Exception {
    assertThat(field(list("/order", stranger), "orderId")).containsExactly(strangersOrder);
    assertThat(field(list("/notification", stranger), "orderId")).containsExactly(strangersOrder);
    assertThat(field(list("/order", owner), "orderId")).containsExactly(ownersOrder);
  }

  @Test
  void aBalanceIsAlwaysTheCallersWhateverTheRequestSays() throws Exception {
    http.perform(
            post("/billing/add-money")
                .param("money", "250")
                .header("Authorization", owner.bearer()))
        .andExpect(status().isOk());

    http.perform(
            get("/billing/balance")
                .param("userId", Long.toString(owner.id()))
                .header("Authorization", stranger.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.balance").value(0));
    http.perform(get("/billing/balance").header("Authorization", owner.bearer()))
        .andExpect(jsonPath("$.balance").value(250));
    assertThat(services.calls())
        .filteredOn(call -> call.matches("\\w+ /internal/accounts/" + owner.id() + "([/?].*)?"))
        .as("the stranger's requests never named the owner's account")
        .hasSize(2);
  }

  /** GET /order/{id}, cancel with and without a body, and the notification filter. */
  private static List<MockHttpServletRequestBuilder> requestsNaming(String orderId) {
    return List.of(
        get("/order/{id}", orderId),
        post("/order/{id}/cancel", orderId),
        post("/order/{id}/cancel", orderId)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"reason\":\"mine now\"}"),
        get("/notification").param("orderId", orderId));
  }

  private JsonNode list(String path, Users.SignedIn caller) throws Exception {
    return json.readTree(
        http.perform(get(path).header("Authorization", caller.bearer()))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsString());
  }

  private static List<String> field(JsonNode list, String name) {
    return StreamSupport.stream(list.spliterator(), false)
        .map(item -> item.get(name).asText())
        .toList();
  }

  private String place(Users.SignedIn buyer) throws Exception {
    String answer =
        http.perform(
                post("/order/place")
                    .param("idSubscription", "3")
                    .header("Authorization", buyer.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return json.readTree(answer).get("orderId").asText();
  }
}
