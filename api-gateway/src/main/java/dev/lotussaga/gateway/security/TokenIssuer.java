package dev.lotussaga.gateway.security;

import com.nimbusds.jwt.JWTClaimsSet;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Signs access tokens with RS256, with the newest key. */
@Component
public class TokenIssuer {

  static final String ROLES_CLAIM = "roles";

  /** The session the token belongs to; it is refused once that session is revoked. */
  public static final String SESSION_CLAIM = "sid";

  private final SigningKeys keys;
  private final JwtProperties properties;

  TokenIssuer(SigningKeys keys, JwtProperties properties) {
    this.keys = keys;
    this.properties = properties;
  }

  public IssuedToken issue(long userId, String email, String role, UUID sessionId) {
    Instant now = Instant.now();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(properties.issuer())
            .audience(properties.audience())
            .subject(Long.toString(userId))
            .claim("email", email)
            .claim(ROLES_CLAIM, List.of(role))
            .claim(SESSION_CLAIM, sessionId.toString())
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(properties.timeToLive())))
            .jwtID(UUID.randomUUID().toString())
            .build();
    return new IssuedToken(keys.sign(claims), properties.timeToLive());
  }
}
