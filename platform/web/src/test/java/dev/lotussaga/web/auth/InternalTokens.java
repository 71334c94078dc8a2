package dev.lotussaga.web.auth;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * Tokens as the gateway mints them for an internal service, signed by a key made for this test run
 * (its public half is what {@link TestGatewayKeys} gives the services under test), and the ways a
 * token can be wrong.
 */
public final class InternalTokens {

  static final RSAKey GATEWAY_KEY = generate("test-gateway-key");

  /** Same key id, another key: what an attacker who read the JWK set could sign with. */
  private static final RSAKey FORGER_KEY = generate("test-gateway-key");

  private InternalTokens() {}

  public static String publicJwkSet() {
    return new JWKSet(GATEWAY_KEY.toPublicJWK()).toString();
  }

  public static String buyer(String audience, long userId) {
    return sign(GATEWAY_KEY, audience, userId, "USER", Duration.ofMinutes(5));
  }

  public static String staff(String audience, long staffId) {
    return sign(GATEWAY_KEY, audience, staffId, "STAFF", Duration.ofMinutes(5));
  }

  public static String forged(String audience, long userId) {
    return sign(FORGER_KEY, audience, userId, "STAFF", Duration.ofMinutes(5));
  }

  /** Expired a minute ago: longer than any clock skew a service allows. */
  public static String expired(String audience, long userId) {
    return sign(GATEWAY_KEY, audience, userId, "STAFF", Duration.ofMinutes(-1));
  }

  /** A buyer's access token for the public API, sent to an internal service as it is. */
  public static String publicApiToken(long userId) {
    return sign(GATEWAY_KEY, "lotus-saga-api", userId, "STAFF", Duration.ofMinutes(5));
  }

  public static String bearer(String token) {
    return "Bearer " + token;
  }

  /** For a MockMvc request: the call comes from the gateway, for a staff member. */
  public static RequestPostProcessor asStaff(String audience) {
    String header = bearer(staff(audience, 1));
    return request -> {
      request.addHeader(HttpHeaders.AUTHORIZATION, header);
      return request;
    };
  }

  private static String sign(
      RSAKey key, String audience, long userId, String role, Duration timeToLive) {
    Instant now = Instant.now();
    Instant expiry = now.plus(timeToLive);
    Instant issued = timeToLive.isNegative() ? expiry.minus(Duration.ofMinutes(1)) : now;
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer("lotus-saga")
            .audience(audience)
            .subject(Long.toString(userId))
            .claim(InternalCaller.ROLES_CLAIM, List.of(role))
            .issueTime(Date.from(issued))
            .expirationTime(Date.from(expiry))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(new RSASSASigner(key));
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
    return jwt.serialize();
  }

  private static RSAKey generate(String keyId) {
    try {
      return new RSAKeyGenerator(2048).keyID(keyId).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
