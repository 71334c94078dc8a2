package dev.lotussaga.observability.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a Kafka consumer retries a record that failed for a passing reason: first after {@code
 * initialInterval}, then each wait {@code multiplier} times longer, at most {@code maxInterval},
 * and never giving up. The cap bounds how long a consumer stays behind once the outage is over.
 */
@ConfigurationProperties("lotus.kafka.retry")
public record KafkaRetryProperties(
    @DefaultValue("1s") Duration initialInterval,
    @DefaultValue("2") double multiplier,
    @DefaultValue("10s") Duration maxInterval) {}
