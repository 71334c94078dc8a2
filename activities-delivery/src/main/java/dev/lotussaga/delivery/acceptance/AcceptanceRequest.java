package dev.lotussaga.delivery.acceptance;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;

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

  void accept() {
    acceptedAt = Instant.now();
  }
}
