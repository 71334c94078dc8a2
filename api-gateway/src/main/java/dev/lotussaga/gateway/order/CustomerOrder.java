package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Instant;
import org.springframework.data.domain.Persistable;

@Entity
class CustomerOrder implements Persistable<String> {

  @Id private String orderId;

  private long userId;

  private int productId;

  private BigDecimal price;

  @Enumerated(EnumType.STRING)
  private OrderState status;

  @Enumerated(EnumType.STRING)
  private WaitingFor waitingFor;

  private Instant statusAt;

  private String idempotencyKey;

  private boolean workflowStarted;

  private Instant createdAt;

  // The id is assigned here, so without this save() would first look for the row to merge into.
  @Transient private boolean stored;

  protected CustomerOrder() {}

  CustomerOrder(
      String orderId, long userId, int productId, BigDecimal price, String idempotencyKey) {
    this.orderId = orderId;
    this.userId = userId;
    this.productId = productId;
    this.price = price;
    this.idempotencyKey = idempotencyKey;
    this.status = OrderState.ValidatingBilling;
    this.createdAt = Instant.now();
    this.statusAt = createdAt;
  }

  String orderId() {
    return orderId;
  }

  long userId() {
    return userId;
  }

  int productId() {
    return productId;
  }

  BigDecimal price() {
    return price;
  }

  OrderStatus lastKnownStatus() {
    return new OrderStatus(status, waitingFor);
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean workflowStarted() {
    return workflowStarted;
  }

  @PostLoad
  @PostPersist
  void markStored() {
    stored = true;
  }

  @Override
  public String getId() {
    return orderId;
  }

  @Override
  public boolean isNew() {
    return !stored;
  }
}
