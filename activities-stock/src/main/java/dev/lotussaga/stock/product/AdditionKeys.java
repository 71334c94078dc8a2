package dev.lotussaga.stock.product;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Staff members' Idempotency-Keys, each with the arrival it made and the units it answered; written
 * in the addition's own transaction, so an addition and its key commit together or not at all.
 */
@Component
@EnableConfigurationProperties(IdempotencyProperties.class)
class AdditionKeys {

  /** Expired keys deleted per new key: enough to keep up, small enough to stay cheap. */
  private static final int CLEANUP_BATCH = 100;

  private final JdbcTemplate jdbc;
  private final IdempotencyProperties properties;

  AdditionKeys(JdbcTemplate jdbc, IdempotencyProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /** What a key's first arrival asked and answered. */
  record FirstArrival(int productId, int units, int available) {}

  /**
   * Stores the key for this arrival unless a live one exists: empty when stored (the caller then
   * adds the units), else the arrival the key named first. An expired key is taken over. A
   * concurrent request with the same key waits here until the first commits or rolls back.
   */
  Optional<FirstArrival> claim(long staffId, String key, FirstArrival arrival) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    OffsetDateTime expiredBefore = now.minus(properties.keyLifetime());
    int stored =
        jdbc.update(
            """
            insert into stock_addition_key as k
                   (staff_id, idempotency_key, product_id, units, available, created_at)
            values (?, ?, ?, ?, ?, ?)
            on conflict (staff_id, idempotency_key) do update
               set product_id = excluded.product_id, units = excluded.units,
                   available = excluded.available, created_at = excluded.created_at
             where k.created_at <= ?
            """,
            staffId,
            key,
            arrival.productId(),
            arrival.units(),
            arrival.available(),
            now,
            expiredBefore);
    if (stored == 1) {
      deleteSomeExpired(expiredBefore);
      return Optional.empty();
    }
    // the conflict left the live row locked by this transaction: it is there to read
    return Optional.of(
        jdbc.queryForObject(
            """
            select product_id, units, available from stock_addition_key
             where staff_id = ? and idempotency_key = ?
            """,
            (row, i) ->
                new FirstArrival(
                    row.getInt("product_id"), row.getInt("units"), row.getInt("available")),
            staffId,
            key));
  }

  /** The units the key's arrival answered, once waiting orders took theirs. */
  void answered(long staffId, String key, int available) {
    jdbc.update(
        "update stock_addition_key set available = ? where staff_id = ? and idempotency_key = ?",
        available,
        staffId,
        key);
  }

  /** Skips rows other transactions hold, so cleaning up never waits or deadlocks. */
  private void deleteSomeExpired(OffsetDateTime expiredBefore) {
    jdbc.update(
        """
        delete from stock_addition_key where (staff_id, idempotency_key) in
            (select staff_id, idempotency_key from stock_addition_key where created_at <= ?
              limit ? for update skip locked)
        """,
        expiredBefore,
        CLEANUP_BATCH);
  }
}
