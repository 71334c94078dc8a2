package dev.lotussaga.gateway.profile.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Registration throttling (prefix {@code lotus.registration-throttle}).
 *
 * @param maxPerAddress registrations one client address may make at once; after that one more each
 *     {@code window / maxPerAddress}, so at most this many per window over time. The stacks of the
 *     newman collection, the fault suite and the bench raise it (they register many buyers from
 *     127.0.0.1) through {@code LOTUS_REGISTRATION_MAX_PER_ADDRESS}.
 * @param window the time in which an address earns back its whole allowance
 * @param maxTracked addresses remembered at most; the least recently seen are dropped first
 */
@ConfigurationProperties("lotus.registration-throttle")
record RegistrationThrottleProperties(
    @DefaultValue("30") int maxPerAddress,
    @DefaultValue("15m") Duration window,
    @DefaultValue("100000") int maxTracked) {}
