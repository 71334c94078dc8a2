package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.contracts.order.WaitLimits;
import dev.lotussaga.contracts.order.WaitingFor;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.time.Duration;
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

  private int runGeneration;

  private Long fundsWaitLimitMs;

  private Long stockWaitLimitMs;

  private Long courierWaitLimitMs;

  private Instant cancelRequestedAt;

  private String cancelReason;

  private String stuckStep;

  private Integer stuckAttempts;

  private String stuckLastError;

  private Instant stuckSince;

  private Boolean stuckWaitsForStaff;

  private Instant deliverySlot;

  // The id is assigned here, so without this save() would first look for the row to merge into.
  @Transient private boolean stored;

  protected CustomerOrder() {}

  CustomerOrder(
      String orderId,
      long userId,
      int productId,
      BigDecimal price,
      String idempotencyKey,
      WaitLimits waitLimits,
      Instant deliverySlot) {
    this.orderId = orderId;
    this.userId = userId;
    this.productId = productId;
    this.price = price;
    this.idempotencyKey = idempotencyKey;
    this.status = OrderState.ValidatingBilling;
    this.createdAt = Instant.now();
    this.statusAt = createdAt;
    this.runGeneration = 1;
    this.fundsWaitLimitMs = waitLimits.of(WaitingFor.FUNDS).toMillis();
    this.stockWaitLimitMs = waitLimits.of(WaitingFor.STOCK).toMillis();
    this.courierWaitLimitMs = waitLimits.of(WaitingFor.COURIER).toMillis();
    this.deliverySlot = deliverySlot;
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

  /** The delivery slot the buyer chose, or {@code null}: the earliest free one. */
  Instant deliverySlot() {
    return deliverySlot;
  }

  Instant createdAt() {
    return createdAt;
  }

  boolean workflowStarted() {
    return workflowStarted;
  }

  /** 1 for the first run of the order's workflow, one more for each re-driven run. */
  int runGeneration() {
    return runGeneration;
  }

  /** The limits the order started with; {@code fallback} for orders stored before they were. */
  WaitLimits waitLimits(WaitLimits fallback) {
    if (fundsWaitLimitMs == null || stockWaitLimitMs == null || courierWaitLimitMs == null) {
      return fallback;
    }
    return new WaitLimits(
        Duration.ofMillis(fundsWaitLimitMs),
        Duration.ofMillis(stockWaitLimitMs),
        Duration.ofMillis(courierWaitLimitMs));
  }

  /** A cancel was accepted (or is being sent): a new run of the order must compensate. */
  boolean cancelRequested() {
    return cancelRequestedAt != null;
  }

  /** The step or compensation the order is stuck on, as its last event said; null if none. */
  StuckStep stuck() {
    return stuckStep == null
        ? null
        : new StuckStep(
            stuckStep,
            stuckAttempts == null ? 0 : stuckAttempts,
            stuckLastError,
            stuckSince,
            Boolean.TRUE.equals(stuckWaitsForStaff));
  }

  /** The reason given with the stored cancel; empty when none was given. */
  String cancelReason() {
    return cancelReason == null ? "" : cancelReason;
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
