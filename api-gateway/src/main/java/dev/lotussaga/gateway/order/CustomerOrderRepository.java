package dev.lotussaga.gateway.order;

import java.math.BigDecimal;
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

  /** Orders stuck on a step or compensation, longest stuck first. */
  List<CustomerOrder> findByStuckStepNotNullOrderByStuckSince(Limit limit);

  /** Everyone's orders, for staff. */
  List<CustomerOrder> findAllByOrderByCreatedAtDesc(Limit limit);

  List<CustomerOrder> findTop100ByWorkflowStartedFalseAndCreatedAtBeforeOrderByCreatedAt(
      Instant before);

  @Transactional
  @Modifying
  @Query("update CustomerOrder o set o.deliverySlot = :slot where o.orderId = :orderId")
  void storeDeliverySlot(String orderId, Instant slot);

  @Transactional
  @Modifying
  @Query("update CustomerOrder o set o.workflowStarted = true where o.orderId = :orderId")
  void markWorkflowStarted(String orderId);

  /**
   * What the buyer's orders placed before {@code order} and waiting for funds cost together:
   * billing serves a buyer's waiting orders first come, first served, so they are paid before it.
   */
  @Query(
      """
      select coalesce(sum(o.price), 0) from CustomerOrder o
       where o.userId = :userId
         and o.waitingFor = dev.lotussaga.contracts.order.WaitingFor.FUNDS
         and o.createdAt < :createdAt and o.orderId <> :orderId
      """)
  BigDecimal fundsAwaitedBefore(long userId, Instant createdAt, String orderId);

  /**
   * The next page of orders whose workflow was started and that the gateway does not know as final
   * (handed to delivery or cancelled), oldest first, after the order {@code (createdAt, orderId)}.
   */
  @Query(
      """
      select o from CustomerOrder o
       where o.workflowStarted = true
         and o.status not in (dev.lotussaga.contracts.order.OrderState.NotifyingSourceSystem,
                              dev.lotussaga.contracts.order.OrderState.Cancelled)
         and (o.createdAt > :createdAt or (o.createdAt = :createdAt and o.orderId > :orderId))
       order by o.createdAt, o.orderId
      """)
  List<CustomerOrder> notFinalAfter(Instant createdAt, String orderId, Limit limit);

  /**
   * Claims the next run generation; 0 when someone else (another replica, a concurrent cancel)
   * claimed it first.
   */
  @Transactional
  @Modifying
  @Query(
      """
      update CustomerOrder o set o.runGeneration = o.runGeneration + 1
       where o.orderId = :orderId and o.runGeneration = :generation
      """)
  int claimNextRunGeneration(String orderId, int generation);

  /** Keeps the first cancel of an order; a repeated one changes nothing. */
  @Transactional
  @Modifying
  @Query(
      """
      update CustomerOrder o set o.cancelRequestedAt = :at, o.cancelReason = :reason
       where o.orderId = :orderId and o.cancelRequestedAt is null
      """)
  void storeCancel(String orderId, String reason, Instant at);

  /** The order was handed to delivery before the cancel reached it: the cancel is void. */
  @Transactional
  @Modifying
  @Query(
      """
      update CustomerOrder o set o.cancelRequestedAt = null, o.cancelReason = null
       where o.orderId = :orderId
      """)
  void forgetCancel(String orderId);
}
