package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.faults.OrderTraffic.Order;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What users and staff do about waiting orders, once per order: the buyer tops up by the price,
 * staff add one unit of stock or accept the delivery, and some buyers cancel instead. A few orders
 * are left waiting on purpose (the buyer who never tops up, the first two orders waiting for
 * product 2).
 */
final class WakeUps {

  private static final int PRODUCT_2_LEFT_WITHOUT_STOCK = 2;

  private final LotusApi api;
  private final String staffToken;
  private final Set<String> handled = new HashSet<>();
  private int product2LeftWaiting;
  private int actions;
  private int lateCancels;

  WakeUps(LotusApi api, String staffToken) {
    this.api = api;
    this.staffToken = staffToken;
  }

  /** Acts on orders newly seen waiting; returns how many actions it took. */
  int act(Map<Order, OrderStatus> statuses) throws Exception {
    int before = actions;
    for (var entry : statuses.entrySet()) {
      Order order = entry.getKey();
      WaitingFor waitingFor = entry.getValue().waitingFor();
      if (waitingFor == null || !handled.add(order.orderId() + "/" + waitingFor)) {
        continue;
      }
      if (cancelsOnceWaiting(order)) {
        api.cancel(order.buyer().token(), order.orderId());
        lateCancels++;
        actions++;
        continue;
      }
      switch (waitingFor) {
        case FUNDS -> {
          if (!order.buyer().neverTopsUp()) {
            api.addMoney(order.buyer().token(), order.price());
            actions++;
          }
        }
        case STOCK -> {
          if (order.product() == 2 && product2LeftWaiting < PRODUCT_2_LEFT_WITHOUT_STOCK) {
            product2LeftWaiting++;
          } else {
            api.addStock(staffToken, order.product(), 1);
            actions++;
          }
        }
        case COURIER -> {
          api.acceptDelivery(staffToken, order.orderId());
          actions++;
        }
      }
    }
    return actions - before;
  }

  /** Every eighth order is cancelled by its buyer instead, once seen waiting. */
  static boolean cancelsOnceWaiting(Order order) {
    return order.index() % 8 == 5;
  }

  int actions() {
    return actions;
  }

  int lateCancels() {
    return lateCancels;
  }
}
