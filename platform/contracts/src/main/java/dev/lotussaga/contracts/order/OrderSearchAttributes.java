package dev.lotussaga.contracts.order;

import io.temporal.common.SearchAttributeKey;
import io.temporal.common.SearchAttributeUpdate;
import io.temporal.common.SearchAttributes;
import java.util.List;
import java.util.Locale;

/**
 * The search attributes every order workflow carries, so that the Temporal Web UI and {@code
 * temporal workflow list --query} find orders by state, by what they wait for, by buyer or by
 * product, for example {@code OrderWaitingFor = 'stock'}. The server must know them before a
 * workflow uses them: the Helm chart registers them, and so does the gateway when told to.
 */
public final class OrderSearchAttributes {

  public static final SearchAttributeKey<String> STATUS =
      SearchAttributeKey.forKeyword("OrderStatus");

  /** {@code funds}, {@code stock}, {@code courier}, or {@code none}. */
  public static final SearchAttributeKey<String> WAITING_FOR =
      SearchAttributeKey.forKeyword("OrderWaitingFor");

  public static final SearchAttributeKey<Long> USER_ID = SearchAttributeKey.forLong("OrderUserId");
  public static final SearchAttributeKey<Long> PRODUCT_ID =
      SearchAttributeKey.forLong("OrderProductId");

  /** The step or compensation the order is stuck on ({@code refund}, ...), or {@code none}. */
  public static final SearchAttributeKey<String> STUCK =
      SearchAttributeKey.forKeyword("OrderStuck");

  public static final List<SearchAttributeKey<?>> ALL =
      List.of(STATUS, WAITING_FOR, USER_ID, PRODUCT_ID, STUCK);

  private static final String NOT_WAITING = "none";

  private OrderSearchAttributes() {}

  /** What a new order starts with. */
  public static SearchAttributes of(OrderRequest order) {
    return SearchAttributes.newBuilder()
        .set(STATUS, OrderState.ValidatingBilling.name())
        .set(WAITING_FOR, NOT_WAITING)
        .set(USER_ID, order.userId())
        .set(PRODUCT_ID, (long) order.productId())
        .set(STUCK, NOT_WAITING)
        .build();
  }

  /** The changes that make the attributes show {@code status}. */
  public static SearchAttributeUpdate<?>[] updatesFor(OrderStatus status) {
    return new SearchAttributeUpdate<?>[] {
      STATUS.valueSet(status.state().name()), WAITING_FOR.valueSet(waitingFor(status))
    };
  }

  /** The change that makes the attributes show {@code stuck} ({@code null}: not stuck). */
  public static SearchAttributeUpdate<?> updateFor(StuckStep stuck) {
    return STUCK.valueSet(stuck == null ? NOT_WAITING : stuck.step());
  }

  private static String waitingFor(OrderStatus status) {
    return status.waitingFor() == null
        ? NOT_WAITING
        : status.waitingFor().name().toLowerCase(Locale.ROOT);
  }
}
