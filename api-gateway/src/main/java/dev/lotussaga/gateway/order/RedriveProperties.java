package dev.lotussaga.gateway.order;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweep that re-drives orders whose workflow is gone (env LOTUS_REDRIVE_RATE); its schedule is
 * {@code lotus.redrive.interval} and {@code lotus.redrive.initial-delay} (application.yml).
 *
 * @param ratePerSecond at most this many orders asked about per second, so a sweep over many
 *     waiting orders does not load Temporal
 */
@ConfigurationProperties("lotus.redrive")
record RedriveProperties(@DefaultValue("50") int ratePerSecond) {}
