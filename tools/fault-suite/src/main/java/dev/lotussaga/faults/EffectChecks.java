package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderStatus;
import java.math.BigDecimal;
import java.util.Map;

/**
 * An order's money, stock and courier against its state, from one row of {@link OrderChecks}'
 * query. Exact for re-driven orders too: each step is keyed by the order id, so a run that walks
 * the steps again finds their effects instead of taking them twice.
 */
final class EffectChecks {

  static final String EFFECTS = "money, stock and courier match the order's state";
  static final String CHOSEN_SLOT = "an order for a chosen delivery slot is booked in that slot";

  private EffectChecks() {}

  static void check(Verdict verdict, String orderId, OrderStatus status, Map<String, Object> row) {
    BigDecimal price = (BigDecimal) row.get("price");
    BigDecimal charged = (BigDecimal) row.get("charged");
    BigDecimal refunded = (BigDecimal) row.get("refunded");
    boolean reserved = (Boolean) row.get("reserved");
    Integer returned = (Integer) row.get("returned");
    boolean booked = (Boolean) row.get("booked");
    boolean paidOnce = charged != null && charged.compareTo(price) == 0 && refunded == null;
    boolean holdsUnit = reserved && returned == null;
    boolean expected =
        switch (status.state()) {
          case NotifyingSourceSystem -> paidOnce && holdsUnit && booked;
          // A cancel that reaches a new order before its first step leaves nothing to undo, so
          // no refund row; anything charged is refunded exactly.
          case Cancelled ->
              (charged == null
                      ? refunded == null || refunded.signum() == 0
                      : refunded != null && refunded.compareTo(charged) == 0)
                  && (!reserved || Integer.valueOf(1).equals(returned))
                  && !booked;
          case ValidatingBilling -> charged == null && !reserved && !booked;
          case ValidatingStock -> paidOnce && !reserved && !booked;
          case ValidatingDelivery -> paidOnce && holdsUnit && !booked;
        };
    verdict.holds(
        EFFECTS,
        orderId,
        expected,
        status
            + " with charged="
            + charged
            + " refunded="
            + refunded
            + " reserved="
            + reserved
            + " returned="
            + returned
            + " booked="
            + booked
            + " price="
            + price);
    Object chosen = row.get("chosen_slot");
    Object bookedIn = row.get("booked_slot");
    if (chosen != null && bookedIn != null) {
      verdict.holds(
          CHOSEN_SLOT,
          orderId,
          chosen.equals(bookedIn),
          "chose " + chosen + ", booked " + bookedIn);
    }
  }
}
