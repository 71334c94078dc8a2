package dev.lotussaga.gateway.session;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** One login and everything renewed from it; revoked once, never revived. */
@Entity
@Table(name = "user_session")
class UserSession implements Persistable<UUID> {

  @Id private UUID id;

  private long userId;

  private Instant startedAt;

  private Instant revokedAt;

  @Enumerated(EnumType.STRING)
  private RevocationReason revokedReason;

  @Transient private boolean stored;

  protected UserSession() {}

  UserSession(long userId, Instant startedAt) {
    this.id = UUID.randomUUID();
    this.userId = userId;
    this.startedAt = startedAt;
  }

  @Override
  public UUID getId() {
    return id;
  }

  /** Ids are made here, so only this tells a new session from a stored one. */
  @Override
  public boolean isNew() {
    return !stored;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    stored = true;
  }

  long userId() {
    return userId;
  }

  boolean revoked() {
    return revokedAt != null;
  }
}
