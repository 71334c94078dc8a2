package dev.lotussaga.gateway.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.transaction.annotation.Transactional;

interface CustomerOrderRepository extends JpaRepository<CustomerOrder, String> {

  Optional<CustomerOrder> findByUserIdAndIdempotencyKey(long userId, String idempotencyKey);

  List<CustomerOrder> findByUserIdOrderByCreatedAtDesc(long userId);

  List<CustomerOrder> findByUserIdOrderByCreatedAtDesc(long userId, Limit limit);

  /** Everyone's orders, for staff. */
  List<CustomerOrder> findAllByOrderByCreatedAtDesc(Limit limit);

  List<CustomerOrder> findTop100ByWorkflowStartedFalseAndCreatedAtBeforeOrderByCreatedAt(
      Instant before);

  @Transactional
  @Modifying
  @Query("update CustomerOrder o set o.workflowStarted = true where o.orderId = :orderId")
  void markWorkflowStarted(String orderId);
}
