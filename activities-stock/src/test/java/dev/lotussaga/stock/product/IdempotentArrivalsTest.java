package dev.lotussaga.stock.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import dev.lotussaga.web.auth.InternalTokens;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Stock arrivals with an Idempotency-Key against the real database: one addition per key. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IdempotentArrivalsTest {

  static final String AUDIENCE = "lotus-stock";

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;

  private final long staff = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  private final String key = "arrival-" + UUID.randomUUID();
  private int product;

  @BeforeEach
  void newProductWithoutUnits() {
    product = ThreadLocalRandom.current().nextInt(1_000, Integer.MAX_VALUE);
    jdbc.update(
        "insert into product_stock (product_id, initial_units, available) values (?, 0, 0)",
        product);
  }

  @Test
  void theSameKeyTwiceAddsOnceAndAnswersTheSame() throws Exception {
    String first =
        add(product, 3, staff, key)
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andExpect(jsonPath("$.available").value(3))
            .andReturn()
            .getResponse()
            .getContentAsString();
    add(product, 1, staff, null).andExpect(jsonPath("$.available").value(4));

    String again =
        add(product, 3, staff, key)
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).as("the first answer, although more units came since").isEqualTo(first);
    assertThat(additionsOf(product)).containsExactly(3, 1);
  }

  @Test
  void aRepeatedKeyAnswersWhatWasLeftAfterWaitingOrdersTookTheirUnits() throws Exception {
    String waiting = UUID.randomUUID().toString();
    jdbc.update(
        "insert into waiting_line (order_id, resource_key) values (?, ?)",
        waiting,
        Integer.toString(product));

    String first =
        add(product, 3, staff, key)
            .andExpect(status().isOk())
            .andExpect(jsonPath("$.available").value(2))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(add(product, 3, staff, key).andReturn().getResponse().getContentAsString())
        .isEqualTo(first);
    assertThat(
            jdbc.queryForList(
                "select order_id from stock_reservation where product_id = ?",
                String.class,
                product))
        .containsExactly(waiting);
  }

  @Test
  void theSameKeyForAnotherCountOrProductIsUnprocessable() throws Exception {
    add(product, 2, staff, key).andExpect(status().isOk());

    problem(add(product, 5, staff, key), 422)
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "This Idempotency-Key was used for 2 units of product "
                        + product
                        + ", not 5 units of product "
                        + product
                        + "; a different request needs a new key"));
    problem(add(1, 2, staff, key), 422);
    assertThat(additionsOf(product)).containsExactly(2);
  }

  @Test
  void keysArePerStaffMember() throws Exception {
    add(product, 2, staff, key).andExpect(status().isOk());

    add(product, 2, staff + 1, key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"))
        .andExpect(jsonPath("$.available").value(4));
  }

  @Test
  void anExpiredKeyAddsAgain() throws Exception {
    add(product, 2, staff, key).andExpect(status().isOk());
    jdbc.update(
        "update stock_addition_key set created_at = now() - interval '24 hours 1 second'"
            + " where staff_id = ? and idempotency_key = ?",
        staff,
        key);

    add(product, 2, staff, key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"))
        .andExpect(jsonPath("$.available").value(4));
    add(product, 2, staff, key).andExpect(header().string("Idempotent-Replayed", "true"));
    assertThat(additionsOf(product)).containsExactly(2, 2);
  }

  @Test
  void aRefusedArrivalKeepsNoKey() throws Exception {
    jdbc.update(
        "update product_stock set available = ? where product_id = ?",
        ProductStock.MAX_AVAILABLE,
        product);

    problem(add(product, 1, staff, key), 409);
    jdbc.update("update product_stock set available = 0 where product_id = ?", product);

    add(product, 1, staff, key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"));
  }

  @Test
  void aMalformedKeyIsRefused() throws Exception {
    for (String malformed : new String[] {"", "with space", "x".repeat(101), "ключ"}) {
      problem(add(product, 1, staff, malformed), 400);
    }
    assertThat(additionsOf(product)).isEmpty();
  }

  /** As {@code staffId}, whom the gateway's token names: keys are per staff member. */
  private ResultActions add(int productId, int units, long staffId, String idempotencyKey)
      throws Exception {
    var request =
        post("/internal/products/{id}/additions", productId)
            .param("units", Integer.toString(units));
    request.header("Authorization", InternalTokens.bearer(InternalTokens.staff(AUDIENCE, staffId)));
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.perform(request);
  }

  private static ResultActions problem(ResultActions result, int status) throws Exception {
    return result
        .andExpect(status().is(status))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  private List<Integer> additionsOf(int productId) {
    return jdbc.queryForList(
        "select units from stock_addition where product_id = ? order by id",
        Integer.class,
        productId);
  }
}
