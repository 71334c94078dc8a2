package dev.lotussaga.gateway.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Starts sessions, renews them with rotating refresh tokens, and revokes them. */
@Component
public class Sessions {

  private static final Logger log = LoggerFactory.getLogger(Sessions.class);

  private final UserSessionRepository sessions;
  private final RefreshTokenRepository tokens;
  private final LiveSessions live;
  private final SessionProperties settings;
  private final Clock clock;

  Sessions(
      UserSessionRepository sessions,
      RefreshTokenRepository tokens,
      LiveSessions live,
      SessionProperties settings,
      ObjectProvider<Clock> clock) {
    this.sessions = sessions;
    this.tokens = tokens;
    this.live = live;
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  /** A new session for a user who just proved who they are; drops their expired refresh tokens. */
  @Transactional
  public SessionGrant start(long userId) {
    Instant now = clock.instant();
    tokens.deleteExpiredOf(userId, now);
    return grant(sessions.save(new UserSession(userId, now)), now);
  }

  /**
   * Uses the refresh token up and grants its session the next one. A token used before revokes its
   * session: either it was stolen or its thief was first. That revocation is kept although the
   * refresh is refused, hence no rollback for {@link RefreshRefused}.
   */
  @Transactional(noRollbackFor = RefreshRefused.class)
  public SessionGrant renew(String refreshToken) {
    RefreshToken presented =
        tokens
            .lockByHash(RefreshSecret.hashOf(refreshToken))
            .orElseThrow(() -> new RefreshRefused("Unknown refresh token; log in again"));
    Instant now = clock.instant();
    if (presented.used()) {
      revoke(List.of(presented.sessionId()), RevocationReason.REFRESH_TOKEN_REUSED, now);
      log.warn("A used refresh token came again: session {} revoked", presented.sessionId());
      throw new RefreshRefused(
          "This refresh token was used before, so its session is revoked; log in again");
    }
    UserSession session = sessions.findById(presented.sessionId()).orElseThrow();
    if (session.revoked()) {
      throw new RefreshRefused("The session of this refresh token has ended; log in again");
    }
    if (presented.expiredAt(now)) {
      throw new RefreshRefused("This refresh token has expired; log in again");
    }
    presented.useUp(now);
    return grant(session, now);
  }

  @Transactional
  public void revoke(UUID sessionId, RevocationReason reason) {
    revoke(List.of(sessionId), reason, clock.instant());
  }

  @Transactional
  public void revokeAllOf(long userId, RevocationReason reason) {
    List<UUID> ids = sessions.liveIdsOf(userId);
    if (!ids.isEmpty()) {
      revoke(ids, reason, clock.instant());
    }
  }

  private void revoke(Collection<UUID> ids, RevocationReason reason, Instant now) {
    sessions.revoke(ids, now, reason);
    live.revokedHere(ids);
  }

  private SessionGrant grant(UserSession session, Instant now) {
    String token = RefreshSecret.newToken();
    tokens.save(
        new RefreshToken(
            RefreshSecret.hashOf(token), session, now, now.plus(settings.refreshTimeToLive())));
    return new SessionGrant(session.getId(), session.userId(), token, settings.refreshTimeToLive());
  }
}
