package dev.lotussaga.gateway.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.temporal.client.WorkflowClient;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The delivery slot a buyer chooses: listed by {@code GET /delivery/slots}, named when placing an
 * order and changed later; anything that is not a slot one can book is refused with 400.
 */
@GatewayTest
class ChosenSlotApiTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Autowired MockMvc http;
  @Autowired CustomerOrderRepository orders;
  @Autowired WorkflowClient workflows;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void theFreeSlotsAreListedForAProduct() throws Exception {
    String body =
        http.perform(
                get("/delivery/slots")
                    .param("idSubscription", "3")
                    .param("days", "2")
                    .header("Authorization", buyer.bearer()))
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.idSubscription").value(3))
            .andExpect(jsonPath("$.manualAcceptance").value(true))
            .andExpect(jsonPath("$.slots", Matchers.hasSize(48)))
            .andReturn()
            .getResponse()
            .getContentAsString();

    JsonNode first = JSON.readTree(body).get("slots").get(0);
    assertThat(Instant.parse(first.get("start").asText())).isEqualTo(nextHour());
    assertThat(Instant.parse(first.get("end").asText())).isEqualTo(nextHour().plusSeconds(3600));
    assertThat(first.get("freeCouriers").asInt()).isEqualTo(4);
  }

  @Test
  void listingSlotsOfAnUnknownProductOrForTooManyDaysOrWithoutSigningInIsRefused()
      throws Exception {
    for (String[] query : List.of(new String[] {"42", "3"}, new String[] {"1", "15"})) {
      http.perform(
              get("/delivery/slots")
                  .param("idSubscription", query[0])
                  .param("days", query[1])
                  .header("Authorization", buyer.bearer()))
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    http.perform(get("/delivery/slots").param("idSubscription", "1"))
        .andExpect(status().isUnauthorized());
  }

  @Test
  void anOrderForAChosenSlotStartsItsSagaWithThatSlotAndShowsIt() throws Exception {
    Instant slot = tomorrowAt(10);

    String orderId =
        place(slot.toString())
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getHeader("Location")
            .substring("/order/".length());

    http.perform(get("/order/{id}", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliverySlot").value(slot.toString()));
    assertThat(slotTheSagaKnows(orderId)).isEqualTo(slot);
  }

  @Test
  void anOrderWithoutASlotReadsAsBeforeAndItsSagaBooksTheEarliest() throws Exception {
    String orderId =
        orderIdOf(
            http.perform(
                    post("/order/place")
                        .param("idSubscription", "2")
                        .header("Authorization", buyer.bearer()))
                .andExpect(status().isAccepted()));

    http.perform(get("/order/{id}", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliverySlot").doesNotExist());
    assertThat(slotTheSagaKnows(orderId)).isNull();
  }

  @Test
  void aSlotWithAnOffsetIsTheSameInstant() throws Exception {
    Instant slot = tomorrowAt(9);
    String withOffset = slot.atOffset(ZoneOffset.ofHours(3)).toString();

    String orderId = orderIdOf(place(withOffset).andExpect(status().isAccepted()));

    assertThat(orders.findById(orderId).orElseThrow().deliverySlot()).isEqualTo(slot);
  }

  @Test
  void whatIsNotABookableSlotIsRefusedAndNothingIsPlaced() throws Exception {
    long before = orders.count();
    Instant tomorrow = tomorrowAt(10);
    for (String[] bad :
        List.of(
            new String[] {"tomorrow", "is not a date and time"},
            new String[] {tomorrow.plusSeconds(1800).toString(), "slots start on the hour"},
            new String[] {nextHour().minus(Duration.ofHours(1)).toString(), "has begun or passed"},
            new String[] {"2020-01-01T10:00:00Z", "has begun or passed"},
            new String[] {tomorrow.plus(Duration.ofDays(31)).toString(), "more than 30 days ahead"},
            new String[] {"2026-12-02T10:00:00 03:00", "a + in a query is sent as %2B"})) {
      place(bad[0])
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
          .andExpect(jsonPath("$.detail", Matchers.containsString(bad[1])))
          .andExpect(
              jsonPath("$.detail", Matchers.endsWith("GET /delivery/slots lists the free ones")));
    }
    assertThat(orders.count()).as("nothing placed").isEqualTo(before);
  }

  @Test
  void theBuyerChoosesAnotherSlotAndTheSagaIsTold() throws Exception {
    String orderId = orderIdOf(place(tomorrowAt(10).toString()));
    Instant later = tomorrowAt(15);

    chooseSlot(orderId, later.toString(), buyer)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.orderId").value(orderId))
        .andExpect(jsonPath("$.deliverySlot").value(later.toString()));

    assertThat(slotTheSagaKnows(orderId)).isEqualTo(later);
    assertThat(orders.findById(orderId).orElseThrow().deliverySlot()).isEqualTo(later);
  }

  @Test
  void aSlotCannotBeChosenForSomeoneElsesOrderNorBadlyNorForACancelledOrder() throws Exception {
    Instant slot = tomorrowAt(10);
    String orderId = orderIdOf(place(slot.toString()));

    chooseSlot(orderId, tomorrowAt(11).toString(), Users.newUser(http))
        .andExpect(status().isNotFound());
    chooseSlot(orderId, "2020-01-01T10:00:00Z", buyer).andExpect(status().isBadRequest());
    http.perform(put("/order/{id}/slot", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isBadRequest())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(post("/order/{id}/cancel", orderId).header("Authorization", buyer.bearer()))
        .andExpect(status().isAccepted());
    chooseSlot(orderId, tomorrowAt(12).toString(), buyer)
        .andExpect(status().isConflict())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.detail").value("The order is cancelled"));

    assertThat(orders.findById(orderId).orElseThrow().deliverySlot()).isEqualTo(slot);
  }

  @Test
  void anOrderWhoseWorkflowCouldNotStartYetKeepsTheNewSlotForItsStart() throws Exception {
    CustomerOrder notStarted =
        orders.saveAndFlush(
            new CustomerOrder(
                UUID.randomUUID().toString(),
                buyer.id(),
                2,
                new BigDecimal("500.00"),
                null,
                WaitLimits.DEFAULT,
                tomorrowAt(10)));
    Instant later = tomorrowAt(16);

    chooseSlot(notStarted.orderId(), later.toString(), buyer)
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.deliverySlot").value(later.toString()));

    assertThat(orders.findById(notStarted.orderId()).orElseThrow().deliverySlot()).isEqualTo(later);
  }

  private ResultActions place(String slot) throws Exception {
    return http.perform(
        post("/order/place")
            .param("idSubscription", "2")
            .param("slot", slot)
            .header("Authorization", buyer.bearer()));
  }

  private ResultActions chooseSlot(String orderId, String slot, Users.SignedIn caller)
      throws Exception {
    return http.perform(
        put("/order/{id}/slot", orderId)
            .param("slot", slot)
            .header("Authorization", caller.bearer()));
  }

  private Instant slotTheSagaKnows(String orderId) {
    return workflows
        .newUntypedWorkflowStub(OrderWorkflowIds.workflowId(orderId))
        .query(StandInOrderWorkflow.DELIVERY_SLOT_QUERY, Instant.class);
  }

  private static String orderIdOf(ResultActions placed) {
    String location = placed.andReturn().getResponse().getHeader("Location");
    return location.substring(location.lastIndexOf('/') + 1);
  }

  private static Instant nextHour() {
    return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
  }

  private static Instant tomorrowAt(int hour) {
    return Instant.now().truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1).plusHours(hour));
  }
}
