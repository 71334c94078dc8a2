package dev.lotussaga.gateway.security;

import com.nimbusds.jwt.JWTClaimsSet;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.web.auth.InternalCaller;
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

  private final SigningKeys keys;
  private final JwtProperties properties;

  ServiceTokens(SigningKeys keys, JwtProperties properties) {
    this.keys = keys;
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
            .claim(InternalCaller.ROLES_CLAIM, List.of(caller.staff() ? "STAFF" : "USER"))
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.serviceTokenTimeToLive())))
            .jwtID(UUID.randomUUID().toString())
            .build();
    return keys.sign(claims);
  }
}
