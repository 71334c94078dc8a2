package dev.lotussaga.delivery.acceptance;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface AcceptanceRequestRepository extends JpaRepository<AcceptanceRequest, String> {

  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select r from AcceptanceRequest r where r.orderId = :orderId")
  Optional<AcceptanceRequest> findForUpdate(String orderId);
}
