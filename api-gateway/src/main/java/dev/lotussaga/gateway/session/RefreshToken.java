package dev.lotussaga.gateway.session;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.Persistable;

/** A refresh token as stored: its hash, the session it renews, until when, and whether used. */
@Entity
@Table(name = "refresh_token")
class RefreshToken implements Persistable<String> {

  @Id private String tokenHash;

  private UUID sessionId;

  private long userId;

  private Instant issuedAt;

  private Instant expiresAt;

  private Instant usedAt;

  @Transient private boolean stored;

  protected RefreshToken() {}

  RefreshToken(String tokenHash, UserSession session, Instant issuedAt, Instant expiresAt) {
    this.tokenHash = tokenHash;
    this.sessionId = session.getId();
    this.userId = session.userId();
    this.issuedAt = issuedAt;
    this.expiresAt = expiresAt;
  }

  @Override
  public String getId() {
    return tokenHash;
  }

  @Override
  public boolean isNew() {
    return !stored;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    stored = true;
  }

  UUID sessionId() {
    return sessionId;
  }

  boolean used() {
    return usedAt != null;
  }

  boolean expiredAt(Instant now) {
    return !now.isBefore(expiresAt);
  }

  void useUp(Instant now) {
    usedAt = now;
  }
}
