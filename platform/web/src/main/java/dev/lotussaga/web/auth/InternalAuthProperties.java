package dev.lotussaga.web.auth;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param audience this service's name in the tokens the gateway mints for it ({@code
 *     lotus-billing}, ...); setting it turns the check on
 * @param jwkSetUri where the gateway publishes its public keys; fetched on the first call, again
 *     when a token names a key not seen before (so rotated keys are picked up), cached otherwise
 * @param jwkSet the public keys themselves (a JWK set as JSON) instead of fetching them
 * @param clockSkew how far the clocks of the gateway and this service may disagree; internal tokens
 *     live a minute, so this stays small
 */
@ConfigurationProperties("lotus.internal-auth")
public record InternalAuthProperties(
    String audience,
    @DefaultValue("lotus-saga") String issuer,
    @DefaultValue("http://127.0.0.1:8080/.well-known/jwks.json") URI jwkSetUri,
    String jwkSet,
    @DefaultValue("5s") Duration clockSkew) {}
