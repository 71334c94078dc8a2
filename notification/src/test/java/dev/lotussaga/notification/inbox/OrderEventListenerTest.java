package dev.lotussaga.notification.inbox;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.NotificationType;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.observability.kafka.EmbeddedTopics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/** From a real Kafka broker into PostgreSQL and out through the internal API. */
@InboxTest
class OrderEventListenerTest {

  static final String AUDIENCE = "lotus-notification";

  @Autowired EmbeddedKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;
  @Autowired MockMvc http;
  @Autowired MeterRegistry metrics;
  @Autowired ObjectMapper json;

  private KafkaTemplate<String, OrderEvent> kafka;
  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  private final String orderId = UUID.randomUUID().toString();
  private final Instant start = Instant.parse("2026-11-25T10:00:00Z");

  @BeforeEach
  void producer() {
    kafka = OrderEventProducer.to(broker);
  }

  @AfterEach
  void closeProducer() {
    kafka.destroy();
  }

  @Test
  void storesEachNotificationOnceEvenWhenKafkaDeliversItTwice() throws Exception {
    OrderEvent paid = event(1, OrderState.ValidatingStock, NotificationType.ORDER_PAID);
    double paidBefore = stored("ORDER_PAID");
    double duplicatesBefore = duplicates();

    publish(paid);
    publish(paid);
    publish(event(2, OrderState.ValidatingDelivery, NotificationType.STOCK_RESERVED));

    awaitTrue(() -> storedFor(buyer) == 2);
    Thread.sleep(500); // let a late duplicate arrive if one were going to be stored
    assertThat(storedFor(buyer)).isEqualTo(2);
    assertThat(stored("ORDER_PAID") - paidBefore).isEqualTo(1.0);
    assertThat(duplicates() - duplicatesBefore).isEqualTo(1.0);
  }

  @Test
  void storesAPollsNotificationsInOneTransactionEachOnce() throws Exception {
    OrderEvent paid = event(1, OrderState.ValidatingStock, NotificationType.ORDER_PAID);
    OrderEvent reserved = event(2, OrderState.ValidatingDelivery, NotificationType.STOCK_RESERVED);
    double paidBefore = stored("ORDER_PAID");
    double duplicatesBefore = duplicates();

    EmbeddedTopics.publishTogether(
        broker,
        OrderEventActivities.TOPIC,
        orderId,
        List.of(bytes(paid), bytes(paid), bytes(reserved)));

    awaitTrue(() -> storedFor(buyer) == 2);
    assertThat(stored("ORDER_PAID") - paidBefore).isEqualTo(1.0);
    assertThat(duplicates() - duplicatesBefore).isEqualTo(1.0);
    assertThat(
            jdbc.queryForObject(
                "select count(distinct xmin::text) from notification where user_id = ?",
                Integer.class,
                buyer))
        .as("transactions that stored the poll's notifications")
        .isEqualTo(1);
  }

  /** As the saga's publisher sends it: JSON without type headers. */
  private static byte[] bytes(OrderEvent event) {
    try (JsonSerializer<OrderEvent> serializer = new JsonSerializer<OrderEvent>().noTypeInfo()) {
      return serializer.serialize(OrderEventActivities.TOPIC, event);
    }
  }

  @Test
  void aRedrivenRunTellsEachMilestoneOnceButEveryFailedPayment() throws Exception {
    publish(event(1, OrderState.ValidatingBilling, NotificationType.PAYMENT_FAILED));
    publish(event(2, OrderState.ValidatingStock, NotificationType.ORDER_PAID));
    publish(redriven(1, OrderState.ValidatingBilling, NotificationType.PAYMENT_FAILED));
    publish(redriven(2, OrderState.ValidatingStock, NotificationType.ORDER_PAID));
    publish(redriven(3, OrderState.ValidatingDelivery, NotificationType.STOCK_RESERVED));

    awaitTrue(() -> storedFor(buyer) == 4);
    Thread.sleep(500); // let a late repeat arrive if one were going to be stored
    assertThat(typesStoredForTheBuyer())
        .containsExactly("PAYMENT_FAILED", "ORDER_PAID", "PAYMENT_FAILED", "STOCK_RESERVED");
  }

  @Test
  void everyDelayOfTheChosenSlotIsToldWhileDeliveryIsToldOnce() throws Exception {
    publish(event(1, OrderState.ValidatingDelivery, NotificationType.DELIVERY_DELAYED));
    publish(event(2, OrderState.ValidatingDelivery, NotificationType.DELIVERY_DELAYED));
    publish(event(3, OrderState.NotifyingSourceSystem, NotificationType.ORDER_IN_DELIVERY));
    publish(redriven(3, OrderState.NotifyingSourceSystem, NotificationType.ORDER_IN_DELIVERY));

    awaitTrue(() -> storedFor(buyer) == 3);
    Thread.sleep(500); // let a late repeat arrive if one were going to be stored
    assertThat(typesStoredForTheBuyer())
        .containsExactly("DELIVERY_DELAYED", "DELIVERY_DELAYED", "ORDER_IN_DELIVERY");
  }

  /** An event of the order's second run, published after every event of its first. */
  private OrderEvent redriven(int sequence, OrderState state, NotificationType type) {
    OrderEvent first = event(sequence, state, type);
    return new OrderEvent(
        orderId + "-r2-" + sequence,
        orderId,
        buyer,
        state,
        null,
        type,
        first.message(),
        first.occurredAt().plusSeconds(60));
  }

  @Test
  void isReadyWhileTheDatabaseAndKafkaAnswer() throws Exception {
    http.perform(get("/actuator/health/readiness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.kafka.status").value("UP"));
  }

  private double stored(String type) {
    Counter counter = metrics.find(NotificationsStored.STORED).tag("type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  private double duplicates() {
    return metrics.get(NotificationsStored.DUPLICATES).counter().count();
  }

  @Test
  void keepsOnlyTheEventsThatTellTheBuyerSomething() throws Exception {
    publish(
        new OrderEvent(
            orderId + "-1",
            orderId,
            buyer,
            OrderState.ValidatingStock,
            WaitingFor.STOCK,
            null,
            null,
            start));
    publish(event(2, OrderState.ValidatingDelivery, NotificationType.STOCK_RESERVED));

    awaitTrue(() -> storedFor(buyer) == 1);
    assertThat(
            jdbc.queryForObject(
                "select type from notification where user_id = ?", String.class, buyer))
        .isEqualTo("STOCK_RESERVED");
  }

  @Test
  void servesTheBuyersNotificationsOldestFirst() throws Exception {
    publish(event(2, OrderState.ValidatingStock, NotificationType.ORDER_PAID));
    publish(event(1, OrderState.ValidatingBilling, NotificationType.PAYMENT_FAILED));
    awaitTrue(() -> storedFor(buyer) == 2);

    http.perform(get("/internal/users/{id}/notifications", buyer).with(asStaff(AUDIENCE)))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.length()").value(2))
        .andExpect(jsonPath("$[0].type").value("PAYMENT_FAILED"))
        .andExpect(jsonPath("$[1].type").value("ORDER_PAID"))
        .andExpect(jsonPath("$[1].orderId").value(orderId));
    http.perform(get("/internal/users/{id}/notifications", buyer + 1).with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.length()").value(0));
  }

  @Test
  void servesTheNotificationsInPagesThatFollowOneAnother() throws Exception {
    for (int i = 1; i <= 5; i++) {
      publish(event(i, OrderState.ValidatingStock, NotificationType.PAYMENT_FAILED));
    }
    awaitTrue(() -> storedFor(buyer) == 5);
    List<Long> ids =
        jdbc.queryForList(
            "select id from notification where user_id = ? order by created_at, id",
            Long.class,
            buyer);

    List<Long> walked = new ArrayList<>();
    String after = null;
    List<Integer> sizes = new ArrayList<>();
    do {
      var request =
          get("/internal/users/{id}/notifications", buyer)
              .param("limit", "2")
              .with(asStaff(AUDIENCE));
      if (after != null) {
        request.param("after", after);
      }
      JsonNode page =
          json.readTree(
              http.perform(request)
                  .andExpect(status().isOk())
                  .andReturn()
                  .getResponse()
                  .getContentAsString());
      sizes.add(page.size());
      page.forEach(n -> walked.add(n.get("id").asLong()));
      after = page.isEmpty() ? null : page.get(page.size() - 1).get("id").asText();
    } while (after != null);

    assertThat(sizes).containsExactly(2, 2, 1, 0);
    assertThat(walked).isEqualTo(ids);
    http.perform(
            get("/internal/users/{id}/notifications", buyer)
                .param("orderId", orderId)
                .param("after", String.valueOf(ids.get(3)))
                .with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.length()").value(1))
        .andExpect(jsonPath("$[0].id").value(ids.get(4)));
    for (String limit : List.of("0", "1001")) {
      http.perform(
              get("/internal/users/{id}/notifications", buyer)
                  .param("limit", limit)
                  .with(asStaff(AUDIENCE)))
          .andExpect(status().isBadRequest());
    }
  }

  private OrderEvent event(int sequence, OrderState state, NotificationType type) {
    return new OrderEvent(
        orderId + "-" + sequence,
        orderId,
        buyer,
        state,
        null,
        type,
        type + " for " + orderId,
        start.plusSeconds(sequence));
  }

  private void publish(OrderEvent event) throws Exception {
    kafka.send(OrderEventActivities.TOPIC, event.orderId(), event).get();
  }

  private List<String> typesStoredForTheBuyer() {
    return jdbc.queryForList(
        "select type from notification where user_id = ? order by created_at, id",
        String.class,
        buyer);
  }

  private int storedFor(long userId) {
    return jdbc.queryForObject(
        "select count(*) from notification where user_id = ?", Integer.class, userId);
  }

  private static void awaitTrue(Supplier<Boolean> condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (!condition.get() && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertThat(condition.get()).as("condition met within 20 s").isTrue();
  }
}
