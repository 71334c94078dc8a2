package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.security.IssuedToken;
import dev.lotussaga.gateway.security.TokenIssuer;
import dev.lotussaga.gateway.session.SessionGrant;
import dev.lotussaga.gateway.session.Sessions;
import org.springframework.stereotype.Component;

/** Turns a session started or renewed into the tokens a client keeps. */
@Component
class Logins {

  private final Sessions sessions;
  private final TokenIssuer tokens;
  private final UserAccountRepository users;

  Logins(Sessions sessions, TokenIssuer tokens, UserAccountRepository users) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.users = users;
  }

  LoggedIn start(UserAccount user) {
    return tokensFor(user, sessions.start(user.id()));
  }

  /** The role and email in the new access token are the account's as they are now. */
  LoggedIn renew(String refreshToken) {
    SessionGrant grant = sessions.renew(refreshToken);
    UserAccount user = users.findById(grant.userId()).orElseThrow();
    return tokensFor(user, grant);
  }

  private LoggedIn tokensFor(UserAccount user, SessionGrant grant) {
    IssuedToken access =
        tokens.issue(user.id(), user.email(), user.role().name(), grant.sessionId());
    return new LoggedIn(
        access.value(),
        "Bearer",
        access.expiresIn().toSeconds(),
        user.id(),
        grant.refreshToken(),
        grant.refreshExpiresIn().toSeconds());
  }
}
