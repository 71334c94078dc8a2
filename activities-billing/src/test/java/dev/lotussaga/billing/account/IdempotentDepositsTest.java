package dev.lotussaga.billing.account;

import static dev.lotussaga.web.auth.InternalTokens.asStaff;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/** Top-ups with an Idempotency-Key against the real database: one deposit per key. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
class IdempotentDepositsTest {

  static final String AUDIENCE = "lotus-billing";

  @Autowired MockMvc http;
  @Autowired JdbcTemplate jdbc;
  @Autowired Deposits deposits;

  private final long buyer = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE);
  private final String key = "top-up-" + UUID.randomUUID();

  @Test
  void theSameKeyTwiceDepositsOnceAndAnswersTheSame() throws Exception {
    String first =
        deposit(buyer, "250.50", key)
            .andExpect(status().isOk())
            .andExpect(header().doesNotExist("Idempotent-Replayed"))
            .andExpect(jsonPath("$.balance").value(250.50))
            .andReturn()
            .getResponse()
            .getContentAsString();
    deposit(buyer, "49.50", null).andExpect(jsonPath("$.balance").value(300.0));

    String again =
        deposit(buyer, "250.5", key)
            .andExpect(status().isOk())
            .andExpect(header().string("Idempotent-Replayed", "true"))
            .andReturn()
            .getResponse()
            .getContentAsString();

    assertThat(again).as("the first answer, although the balance moved on").isEqualTo(first);
    assertThat(depositsOf(buyer))
        .containsExactly(new BigDecimal("250.50"), new BigDecimal("49.50"));
    http.perform(get("/internal/accounts/{id}", buyer).with(asStaff(AUDIENCE)))
        .andExpect(jsonPath("$.balance").value(300.0));
  }

  @Test
  void theSameKeyForAnotherAmountIsUnprocessable() throws Exception {
    deposit(buyer, "10", key).andExpect(status().isOk());

    deposit(buyer, "10.01", key)
        .andExpect(status().isUnprocessableEntity())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
        .andExpect(jsonPath("$.status").value(422))
        .andExpect(
            jsonPath("$.detail")
                .value(
                    "This Idempotency-Key was used for a top-up of 10.00, not of 10.01;"
                        + " a different request needs a new key"));
    assertThat(depositsOf(buyer)).containsExactly(new BigDecimal("10.00"));
  }

  @Test
  void keysArePerBuyer() throws Exception {
    long otherBuyer = buyer + 1;
    deposit(buyer, "10", key).andExpect(status().isOk());

    deposit(otherBuyer, "20", key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"))
        .andExpect(jsonPath("$.balance").value(20.0));
  }

  @Test
  void anExpiredKeyDepositsAgain() throws Exception {
    deposit(buyer, "10", key).andExpect(status().isOk());
    jdbc.update(
        "update deposit_key set created_at = now() - interval '24 hours 1 second'"
            + " where user_id = ? and idempotency_key = ?",
        buyer,
        key);

    deposit(buyer, "10", key)
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Idempotent-Replayed"))
        .andExpect(jsonPath("$.balance").value(20.0));
    deposit(buyer, "10", key).andExpect(header().string("Idempotent-Replayed", "true"));
    assertThat(depositsOf(buyer)).hasSize(2);
  }

  @Test
  void expiredKeysOfOtherBuyersAreCleanedUpWhenANewKeyIsStored() throws Exception {
    long otherBuyer = buyer + 1;
    deposit(otherBuyer, "10", key).andExpect(status().isOk());
    jdbc.update(
        "update deposit_key set created_at = now() - interval '30 days' where user_id = ?",
        otherBuyer);

    long expiredBefore = expiredKeys();

    deposit(buyer, "10", "another-" + key).andExpect(status().isOk());

    assertThat(expiredBefore).isPositive();
    assertThat(expiredKeys()).as("up to 100 deleted").isEqualTo(Math.max(0, expiredBefore - 100));
  }

  private long expiredKeys() {
    return jdbc.queryForObject(
        "select count(*) from deposit_key where created_at < now() - interval '24 hours'",
        Long.class);
  }

  @Test
  void concurrentRequestsWithTheSameKeyDepositOnce() throws Exception {
    ExecutorService clients = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Deposits.TopUp>> requests =
          IntStream.range(0, 4)
              .<Callable<Deposits.TopUp>>mapToObj(
                  i -> () -> deposits.deposit(buyer, new BigDecimal("5"), key))
              .toList();
      List<Deposits.TopUp> answers = new ArrayList<>();
      for (Future<Deposits.TopUp> answer : clients.invokeAll(requests)) {
        answers.add(answer.get());
      }

      assertThat(answers).extracting(Deposits.TopUp::replayed).containsOnlyOnce(false);
      assertThat(answers).extracting(topUp -> topUp.balance().intValue()).containsOnly(5);
      assertThat(depositsOf(buyer)).hasSize(1);
    } finally {
      clients.shutdownNow();
    }
  }

  @Test
  void aMalformedKeyIsBadInput() throws Exception {
    for (String malformed : new String[] {"", "with space", "x".repeat(101), "clé"}) {
      deposit(buyer, "10", malformed)
          .andExpect(status().isBadRequest())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
    assertThat(depositsOf(buyer)).isEmpty();
  }

  private ResultActions deposit(long userId, String amount, String idempotencyKey)
      throws Exception {
    var request = post("/internal/accounts/{id}/deposits", userId).param("amount", amount);
    if (idempotencyKey != null) {
      request.header("Idempotency-Key", idempotencyKey);
    }
    return http.perform(request.with(asStaff(AUDIENCE)));
  }

  private List<BigDecimal> depositsOf(long userId) {
    return jdbc.queryForList(
        "select amount from deposit where user_id = ? order by id", BigDecimal.class, userId);
  }
}
