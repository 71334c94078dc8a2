package dev.lotussaga.gateway.security;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param signingJwk private RSA key as a JWK (JSON); blank means "generate one at start-up"
 */
@ConfigurationProperties("lotus.jwt")
record JwtProperties(
    @DefaultValue("lotus-saga") String issuer,
    @DefaultValue("lotus-saga-api") String audience,
    @DefaultValue("1h") Duration timeToLive,
    String signingJwk) {}
