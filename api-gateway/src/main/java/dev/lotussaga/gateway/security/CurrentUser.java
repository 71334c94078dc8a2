package dev.lotussaga.gateway.security;

import java.util.List;
import org.springframework.security.oauth2.jwt.Jwt;

/** The caller, as the verified access token says. */
public record CurrentUser(long id, boolean staff) {

  public static CurrentUser of(Jwt token) {
    List<String> roles = token.getClaimAsStringList(TokenIssuer.ROLES_CLAIM);
    return new CurrentUser(
        Long.parseLong(token.getSubject()), roles != null && roles.contains("STAFF"));
  }

  /** Staff may act on any order; everyone else only on their own. */
  public boolean maySee(long ownerId) {
    return staff || ownerId == id;
  }
}
