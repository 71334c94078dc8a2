package dev.lotussaga.workflows.order;

import dev.lotussaga.contracts.order.WaitingFor;
import java.time.Duration;

/** The order waited for a resource longer than its limit; it is cancelled with this reason. */
final class WaitExpired extends RuntimeException {

  WaitExpired(WaitingFor resource, Duration limit) {
    super(what(resource) + " within " + readable(limit), null, false, false);
  }

  private static String what(WaitingFor resource) {
    return switch (resource) {
      case FUNDS -> "no funds";
      case STOCK -> "no stock";
      case COURIER -> "no courier acceptance";
    };
  }

  static String readable(Duration limit) {
    if (limit.toDays() >= 3 && limit.equals(Duration.ofDays(limit.toDays()))) {
      return limit.toDays() + " days";
    }
    if (limit.toHours() > 0 && limit.equals(Duration.ofHours(limit.toHours()))) {
      return limit.toHours() + " h";
    }
    if (limit.toMinutes() > 0 && limit.equals(Duration.ofMinutes(limit.toMinutes()))) {
      return limit.toMinutes() + " min";
    }
    return limit.toSeconds() + " s";
  }
}
