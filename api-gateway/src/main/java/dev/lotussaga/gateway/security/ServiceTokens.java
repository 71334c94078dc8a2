package dev.lotussaga.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.lotussaga.gateway.system.Downstream;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Tokens for the internal services: whoever the verified access token names (a buyer or staff), for
 * one service (the audience), for a minute. A service trusts nothing else, so a caller inside the
 * cluster without the gateway's key can do nothing there.
 */
@Component
public class ServiceTokens {

  private final RSAKey key;
  private final RSASSASigner signer;
  private final JwtProperties properties;

  ServiceTokens(SigningKeys keys, JwtProperties properties) throws JOSEException {
    this.key = keys.signing();
    this.signer = new RSASSASigner(key);
    this.properties = properties;
  }

  /** Calls made for the caller of this request. */
  public Downstream.Caller of(Jwt accessToken) {
    CurrentUser caller = CurrentUser.of(accessToken);
    return audience -> mint(audience, caller);
  }

  String mint(String audience, CurrentUser caller) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(properties.issuer())
            .audience(audience)
            .subject(Long.toString(caller.id()))
            .claim(TokenIssuer.ROLES_CLAIM, List.of(caller.staff() ? "STAFF" : "USER"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.serviceTokenTimeToLive())))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a service token", e);
    }
    return jwt.serialize();
  }
}
