package dev.lotussaga.gateway.order;

import static dev.lotussaga.observability.kafka.EmbeddedTopics.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.contracts.events.OrderEvent;
import dev.lotussaga.contracts.events.OrderEventActivities;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import dev.lotussaga.observability.kafka.DeadLetters;
import dev.lotussaga.observability.kafka.EmbeddedTopics;
import dev.lotussaga.observability.kafka.RefusingTable;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.kafka.support.serializer.JsonSerializer;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gateway's copy of each order's state skips nothing: a record that can never be recorded goes
 * to the dead-letter topic and the next one is recorded; an event the database refuses for a while
 * is recorded once it accepts.
 */
@GatewayTest
class OrderEventsDeadLetterTest {

  private static final String TOPIC = OrderEventActivities.TOPIC;
  private static final String DLT = EmbeddedTopics.deadLettersOf(TOPIC);

  /** More refusals in a row than Spring Kafka's default handler tries (10) before it skips. */
  private static final int REFUSALS = 12;

  @Autowired MockMvc http;
  @Autowired EmbeddedKafkaBroker broker;
  @Autowired JdbcTemplate jdbc;
  @Autowired MeterRegistry metrics;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void anUnreadableRecordGoesToTheDeadLetterTopicAndTheNextEventIsRecorded() throws Exception {
    String orderId = placeOrder();
    byte[] poison = "{not an order event".getBytes(StandardCharsets.UTF_8);
    double before = deadLetters();

    EmbeddedTopics.publish(broker, TOPIC, orderId, poison);
    publish(waitsForStock(orderId));

    awaitRecorded(orderId + "-1");
    ConsumerRecord<String, byte[]> dead = EmbeddedTopics.awaitRecord(broker, DLT, orderId);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(header(dead, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP)).isEqualTo("api-gateway");
    assertThat(deadLetters() - before).isEqualTo(1.0);
  }

  @Test
  void anEventTheDatabaseRefusesForAWhileIsRecordedOnceItAccepts() throws Exception {
    String orderId = placeOrder();
    try (RefusingTable table =
        RefusingTable.refusing(
            jdbc::execute, "gateway", "order_state_change", orderId + "-1", REFUSALS)) {

      publish(waitsForStock(orderId));

      awaitRecorded(orderId + "-1");
      assertThat(jdbc.queryForObject(table.triesQuery(), Long.class)).isGreaterThan(REFUSALS);
    }
    assertThat(
            jdbc.queryForObject(
                "select waiting_for from customer_order where order_id = ?", String.class, orderId))
        .isEqualTo("STOCK");
    assertThat(EmbeddedTopics.withKey(EmbeddedTopics.readAll(broker, DLT), orderId)).isEmpty();
  }

  @Test
  void recordsTheEventsOfOnePollInOneTransaction() throws Exception {
    String orderId = placeOrder();
    List<OrderEvent> steps = waitsThenReserved(orderId);

    EmbeddedTopics.publishTogether(
        broker, TOPIC, orderId, List.of(json(steps.get(0)), json(steps.get(1))));

    awaitRecorded(orderId + "-2");
    assertThat(
            jdbc.queryForObject(
                "select count(distinct xmin::text) from order_state_change where order_id = ?",
                Integer.class,
                orderId))
        .as("transactions that wrote the poll's two state changes")
        .isEqualTo(1);
    assertThat(
            jdbc.queryForObject(
                "select status from customer_order where order_id = ?", String.class, orderId))
        .isEqualTo("ValidatingDelivery");
  }

  @Test
  void anUnreadableRecordInThePollKeepsTheEventsBeforeAndAfterIt() throws Exception {
    String orderId = placeOrder();
    List<OrderEvent> steps = waitsThenReserved(orderId);
    byte[] poison = "{not an order event".getBytes(StandardCharsets.UTF_8);
    double deadBefore = deadLetters();

    EmbeddedTopics.publishTogether(
        broker, TOPIC, orderId, List.of(json(steps.get(0)), poison, json(steps.get(1))));

    awaitRecorded(orderId + "-1");
    awaitRecorded(orderId + "-2");
    ConsumerRecord<String, byte[]> dead = EmbeddedTopics.awaitRecord(broker, DLT, orderId);
    assertThat(dead.value()).isEqualTo(poison);
    assertThat(deadLetters() - deadBefore).isEqualTo(1.0);
  }

  private String placeOrder() throws Exception {
    String answer =
        http.perform(
                post("/order/place")
                    .param("idSubscription", "2")
                    .header("Authorization", buyer.bearer()))
            .andExpect(status().isAccepted())
            .andReturn()
            .getResponse()
            .getContentAsString();
    return new ObjectMapper().readTree(answer).get("orderId").asText();
  }

  /** The order waits for stock, then 5 ms later it is reserved. */
  private List<OrderEvent> waitsThenReserved(String orderId) {
    Instant paid = Instant.now();
    return List.of(
        event(orderId + "-1", orderId, OrderState.ValidatingStock, WaitingFor.STOCK, paid),
        event(orderId + "-2", orderId, OrderState.ValidatingDelivery, null, paid.plusMillis(5)));
  }

  private OrderEvent waitsForStock(String orderId) {
    return event(
        orderId + "-1", orderId, OrderState.ValidatingStock, WaitingFor.STOCK, Instant.now());
  }

  private void publish(OrderEvent event) throws Exception {
    EmbeddedTopics.publish(broker, TOPIC, event.orderId(), json(event));
  }

  /** As the saga's publisher sends it: JSON without type headers. */
  private static byte[] json(OrderEvent event) {
    try (JsonSerializer<OrderEvent> json = new JsonSerializer<OrderEvent>().noTypeInfo()) {
      return json.serialize(TOPIC, event);
    }
  }

  private OrderEvent event(
      String eventId, String orderId, OrderState state, WaitingFor waitingFor, Instant at) {
    return new OrderEvent(eventId, orderId, buyer.id(), state, waitingFor, null, null, at);
  }

  private double deadLetters() {
    Counter counter = metrics.find(DeadLetters.COUNTER).tag("consumer", "api-gateway").counter();
    return counter == null ? 0 : counter.count();
  }

  private void awaitRecorded(String eventId) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (recorded(eventId) == 0 && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertThat(recorded(eventId)).as("event %s recorded within 30 s", eventId).isEqualTo(1);
  }

  private int recorded(String eventId) {
    return jdbc.queryForObject(
        "select count(*) from order_state_change where event_id = ?", Integer.class, eventId);
  }
}
