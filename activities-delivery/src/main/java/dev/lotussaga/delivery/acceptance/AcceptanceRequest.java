package dev.lotussaga.delivery.acceptance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

@Entity
public class AcceptanceRequest {

  @Id private String orderId;

  private int productId;

  private Instant requestedAt;

  private Instant acceptedAt;

  protected AcceptanceRequest() {}

  public AcceptanceRequest(String orderId, int productId) {
    this.orderId = orderId;
    this.productId = productId;
    this.requestedAt = Instant.now();
  }

  public boolean isAccepted() {
    return acceptedAt != null;
  }

  Instant acceptedAt() {
    return acceptedAt;
  }

  /** To the microsecond, as PostgreSQL keeps it: a repeated accept answers the same instant. */
  void accept() {
    acceptedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
  }
}
