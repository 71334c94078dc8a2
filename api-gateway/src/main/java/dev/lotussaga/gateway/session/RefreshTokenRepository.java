package dev.lotussaga.gateway.session;

import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface RefreshTokenRepository extends JpaRepository<RefreshToken, String> {

  /** Locked, so that of two refreshes with one token the second sees it used. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select t from RefreshToken t where t.tokenHash = :hash")
  Optional<RefreshToken> lockByHash(String hash);

  @Modifying
  @Query("delete from RefreshToken t where t.userId = :userId and t.expiresAt < :now")
  int deleteExpiredOf(long userId, Instant now);
}
