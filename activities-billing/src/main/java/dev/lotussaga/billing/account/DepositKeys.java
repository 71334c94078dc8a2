package dev.lotussaga.billing.account;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Buyers' Idempotency-Keys, each with the top-up it made and the balance it answered; written in
 * the deposit's own transaction, so a deposit and its key commit together or not at all.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class DepositKeys {

  /** Expired keys deleted per new key: enough to keep up, small enough to stay cheap. */
  private static final int CLEANUP_BATCH = 100;

  private final JdbcTemplate jdbc;
  private final IdempotencyProperties properties;

  DepositKeys(JdbcTemplate jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** What a key's first top-up asked and answered. */
  record FirstTopUp(BigDecimal amount, BigDecimal balance) {}

  /**
   * Stores the key for this top-up unless a live one exists: empty when stored (the caller then
   * makes the deposit), else the top-up the key named first. An expired key is taken over. A
   * concurrent request with the same key waits here until the first commits or rolls back.
   */
  Optional<FirstTopUp> claim(long userId, String key, BigDecimal amount, BigDecimal balance) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime expiredBefore = now.minus(properties.keyLifetime());
    int stored =
        jdbc.update(
            """
            insert into deposit_key as k (user_id, idempotency_key, amount, balance, created_at)
            values (?, ?, ?, ?, ?)
            on conflict (user_id, idempotency_key) do update
               set amount = excluded.amount, balance = excluded.balance,
                   created_at = excluded.created_at
             where k.created_at <= ?
            """,
            userId,
            key,
            amount,
            balance,
            now,
            expiredBefore);
    if (stored == 1) {
      deleteSomeExpired(expiredBefore);
      return Optional.empty();
    }
    // the conflict left the live row locked by this transaction: it is there to read
    return Optional.of(
        jdbc.queryForObject(
            "select amount, balance from deposit_key where user_id = ? and idempotency_key = ?",
            (row, i) -> new FirstTopUp(row.getBigDecimal("amount"), row.getBigDecimal("balance")),
            userId,
            key));
  }

  /** Skips rows other transactions hold, so cleaning up never waits or deadlocks. */
  private void deleteSomeExpired(OffsetDateTime expiredBefore) {
    jdbc.update(
        """
        delete from deposit_key where (user_id, idempotency_key) in
            (select user_id, idempotency_key from deposit_key where created_at <= ?
              limit ? for update skip locked)
        """,
        expiredBefore,
        CLEANUP_BATCH);
  }
}
