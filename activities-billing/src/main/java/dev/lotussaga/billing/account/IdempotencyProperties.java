package dev.lotussaga.billing.account;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param keyLifetime how long a top-up's Idempotency-Key names it (env
 *     LOTUS_IDEMPOTENCY_KEY_LIFETIME); after that the same key makes a new deposit
 */
@ConfigurationProperties("lotus.idempotency")
record IdempotencyProperties(@DefaultValue("24h") Duration keyLifetime) {}
