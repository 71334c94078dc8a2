package dev.lotussaga.billing.account;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
class Deposit {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long userId;

  private BigDecimal amount;

  private Instant createdAt;

  protected Deposit() {}

  Deposit(long userId, BigDecimal amount) {
    this.userId = userId;
    this.amount = amount;
    this.createdAt = Instant.now();
  }
}
