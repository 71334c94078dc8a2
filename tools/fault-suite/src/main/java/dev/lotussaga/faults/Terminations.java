package dev.lotussaga.faults;

import dev.lotussaga.faults.OrderTraffic.Order;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * The {@code terminate} round's fault, injected by the suite itself through the Temporal API (no
 * process to kill): about one in ten running order workflows terminated, as an operator's slip
 * would. The gateway must notice each and re-drive the order.
 */
final class Terminations {

  static final String REASON = "./lotus faults: terminate round";

  private final Workflows workflows;
  private final int percent;
  // a fixed seed: two runs terminate alike, so a failure can be run again
  private final Random random = new Random(13);

  Terminations(Workflows workflows, int percent) {
    this.workflows = workflows;
    this.percent = percent;
  }

  /**
   * Terminates about {@code percent} % (at least one) of those orders whose workflow runs now;
   * returns how many it terminated.
   */
  int terminateSome(List<Order> orders) {
    List<String> running = new ArrayList<>();
    for (Order order : orders) {
      if (workflows.execution(order.orderId()).filter(Workflows.RUNNING::equals).isPresent()) {
        running.add(order.orderId());
      }
    }
    if (running.isEmpty()) {
      return 0;
    }
    Collections.shuffle(running, random);
    int wanted = Math.max(1, Math.round(running.size() * percent / 100f));
    int terminated = 0;
    for (String orderId : running.subList(0, wanted)) {
      if (workflows.terminate(orderId, REASON)) {
        terminated++;
      }
    }
    FaultSuite.say(
        "terminate: %d of %d running order workflows terminated", terminated, running.size());
    return terminated;
  }
}
