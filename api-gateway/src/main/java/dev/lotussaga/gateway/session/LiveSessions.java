package dev.lotussaga.gateway.session;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Whether a session still holds, as every authenticated request asks: one primary-key lookup, its
 * answer remembered for {@code lotus.sessions.live-check-cache}. Revocations made by this replica
 * count at once; those made by another are seen here when the remembered answer runs out.
 */
@Component
public class LiveSessions {

  private record Verdict(boolean live, Instant until) {}

  private final UserSessionRepository sessions;
  private final SessionProperties settings;
  private final Clock clock;
  private final Map<UUID, Verdict> verdicts = new ConcurrentHashMap<>();

  LiveSessions(
      UserSessionRepository sessions, SessionProperties settings, ObjectProvider<Clock> clock) {
    this.sessions = sessions;
    this.settings = settings;
    this.clock = clock.getIfAvailable(Clock::systemUTC);
  }

  public boolean isLive(UUID sessionId) {
    Instant now = clock.instant();
    Verdict known = verdicts.get(sessionId);
    if (known != null && now.isBefore(known.until())) {
      return known.live();
    }
    boolean live = sessions.existsByIdAndRevokedAtIsNull(sessionId);
    Verdict read = new Verdict(live, now.plus(settings.liveCheckCache()));
    makeRoom(now);
    // A revocation made here while the database was read wins over what was read.
    verdicts.merge(
        sessionId, read, (old, fresh) -> !old.live() && now.isBefore(old.until()) ? old : fresh);
    return live;
  }

  void revokedHere(Collection<UUID> sessionIds) {
    Instant now = clock.instant();
    makeRoom(now);
    Verdict revoked = new Verdict(false, now.plus(settings.liveCheckCache()));
    sessionIds.forEach(id -> verdicts.put(id, revoked));
  }

  /** Bounded whatever the traffic: outdated answers go first, and if that is not enough, all. */
  private void makeRoom(Instant now) {
    if (verdicts.size() < settings.maxCached()) {
      return;
    }
    verdicts.values().removeIf(verdict -> !now.isBefore(verdict.until()));
    if (verdicts.size() >= settings.maxCached()) {
      verdicts.clear();
    }
  }
}
