package dev.lotussaga.gateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The gateway's business metrics and readiness. Spring's tests export no metrics, so the scrape of
 * {@code /actuator/prometheus} is checked end to end by {@code ./lotus e2e} instead.
 */
@GatewayTest
class GatewayMetricsTest {

  @Autowired MockMvc http;
  @Autowired MeterRegistry metrics;
  @Autowired JdbcTemplate jdbc;

  private Users.SignedIn buyer;

  @BeforeEach
  void signIn() throws Exception {
    buyer = Users.newUser(http);
  }

  @Test
  void countsEachNewOrderOnceByProductButNotARepeatedRequest() throws Exception {
    double before = placed("3");

    place("3", "metrics-key").andExpect(status().isAccepted());
    place("3", "metrics-key").andExpect(status().isOk());
    place("3", null).andExpect(status().isAccepted());

    assertThat(placed("3") - before).isEqualTo(2.0);
  }

  @Test
  void reportsHowManyOrdersAreInEachStateAsStoredNow() throws Exception {
    place("1", null).andExpect(status().isAccepted());

    assertGaugeFollowsTheTable("ValidatingBilling", null);
    assertGaugeFollowsTheTable("ValidatingStock", "STOCK");
    assertGaugeFollowsTheTable("Cancelled", null);
    assertThat(currentOrders("ValidatingBilling", "none")).isPositive();
  }

  /**
   * The gauge may lag the table by {@link CountedWhenScraped#FRESH_FOR}, and other tests' events.
   */
  private void assertGaugeFollowsTheTable(String state, String waitingFor)
      throws InterruptedException {
    String tag = waitingFor == null ? "none" : waitingFor.toLowerCase();
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    while (currentOrders(state, tag) != count(state, waitingFor) && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertThat(currentOrders(state, tag)).as(state + "/" + tag).isEqualTo(count(state, waitingFor));
  }

  @Test
  void isReadyWhileTheDatabaseKafkaAndTemporalAnswer() throws Exception {
    http.perform(get("/actuator/health/readiness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.status").value("UP"))
        .andExpect(jsonPath("$.components.db.status").value("UP"))
        .andExpect(jsonPath("$.components.kafka.status").value("UP"))
        .andExpect(jsonPath("$.components.temporal.status").value("UP"));
    http.perform(get("/actuator/health/liveness"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.components").doesNotExist());
  }

  private org.springframework.test.web.servlet.ResultActions place(
      String product, String idempotencyKey) throws Exception {
    var request =
        post("/order/place")
            .param("idSubscription", product)
            .header("Authorization", buyer.bearer());
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.perform(request);
  }

  private double placed(String product) {
    Counter counter = metrics.find(OrdersPlaced.METRIC).tag("product", product).counter();
    return counter == null ? 0 : counter.count();
  }

  private double currentOrders(String state, String waitingFor) {
    return metrics
        .get(OrdersByState.METRIC)
        .tag("state", state)
        .tag("waiting_for", waitingFor)
        .gauge()
        .value();
  }

  private double count(String state, String waitingFor) {
    return waitingFor == null
        ? jdbc.queryForObject(
            "select count(*) from customer_order where status = ? and waiting_for is null",
            Long.class,
            state)
        : jdbc.queryForObject(
            "select count(*) from customer_order where status = ? and waiting_for = ?",
            Long.class,
            state,
            waitingFor);
  }
}
