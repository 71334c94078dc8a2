package dev.lotussaga.billing.account;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface AccountRepository extends JpaRepository<Account, Long> {

  /**
   * Locks the buyer's account row for the rest of the transaction, opening an empty account first
   * if there is none. Every change of a balance goes through this lock.
   */
  default Account lockOrOpen(long userId) {
    return findForUpdate(userId)
        .orElseGet(
            () -> {
              openIfAbsent(userId);
              return findForUpdate(userId).orElseThrow();
            });
  }

  @Modifying
  @Query(
      value = "insert into account (user_id, balance) values (:userId, 0) on conflict do nothing",
      nativeQuery = true)
  void openIfAbsent(long userId);

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Account a where a.userId = :userId")
  Optional<Account> findForUpdate(long userId);
}
