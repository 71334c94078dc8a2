package dev.lotussaga.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingJwks the private RSA keys as a JWK set (JSON), the first one signing; blank means
 *     "generate one at start-up", refused when {@code requireKey} is set
 * @param serviceTokenTimeToLive how long a token minted for an internal service lives: long enough
 *     for one call, short enough to be worthless if it leaks
 */
@ConfigurationProperties("lotus.jwt")
record JwtProperties(
    @DefaultValue("lotus-saga") String issuer,
    @DefaultValue("lotus-saga-api") String audience,
    @DefaultValue("15m") Duration timeToLive,
    String signingJwks,
    @DefaultValue("false") boolean requireKey,
    @DefaultValue("60s") Duration serviceTokenTimeToLive) {}
