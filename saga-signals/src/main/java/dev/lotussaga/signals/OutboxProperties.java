package dev.lotussaga.signals;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled whether this process delivers pending signals (tests switch it off to inspect
 *     the outbox)
 * @param pollInterval how often pending signals are retried when no commit triggered a delivery
 * @param batchSize signals locked and delivered per transaction
 */
@ConfigurationProperties("lotus.outbox")
public record OutboxProperties(
    @DefaultValue("true") boolean relayEnabled,
    @DefaultValue("1s") Duration pollInterval,
    @DefaultValue("100") int batchSize) {}
