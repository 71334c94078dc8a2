package dev.lotussaga.billing.account;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;

@Entity
public class Account {

  @Id
  @Column(name = "user_id")
  private Long userId;

  private BigDecimal balance;

  private Instant updatedAt;

  protected Account() {}

  public long userId() {
    return userId;
  }

  public BigDecimal balance() {
    return balance;
  }

  public boolean covers(BigDecimal amount) {
    return balance.compareTo(amount) >= 0;
  }

  /** Adds a deposit, or gives back what a cancelled order's charge took. */
  public void credit(BigDecimal amount) {
    balance = balance.add(amount);
    updatedAt = Instant.now();
  }

  public void withdraw(BigDecimal amount) {
    if (!covers(amount)) {
      throw new IllegalStateException("Balance of user " + userId + " does not cover " + amount);
    }
    balance = balance.subtract(amount);
    updatedAt = Instant.now();
  }
}
