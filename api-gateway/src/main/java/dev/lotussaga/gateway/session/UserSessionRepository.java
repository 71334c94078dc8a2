package dev.lotussaga.gateway.session;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface UserSessionRepository extends JpaRepository<UserSession, UUID> {

  /** The check every request makes: one primary-key lookup. */
  boolean existsByIdAndRevokedAtIsNull(UUID id);

  @Query("select s.id from UserSession s where s.userId = :userId and s.revokedAt is null")
  List<UUID> liveIdsOf(long userId);

  @Modifying
  @Query(
      "update UserSession s set s.revokedAt = :at, s.revokedReason = :reason"
          + " where s.id in :ids and s.revokedAt is null")
  int revoke(Collection<UUID> ids, Instant at, RevocationReason reason);
}
