package dev.lotussaga.faults;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.faults.LotusApi.ServerError;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the gateway's answers promised, held against what became of it: an order answered 202 runs
 * (it exists and settled), a cancel answered 202 ends Cancelled, even across a gateway killed
 * between the answer and the work; and a part being down is only ever said as a 503 problem+json
 * with Retry-After.
 */
final class AnswerChecks {

  static final String PLACED = "every order answered 202 exists at the gateway and settled";
  static final String CANCELLED =
      "every cancel answered 202 (or 200, cancelled before) ends Cancelled";
  static final String NO_OTHER_5XX =
      "while a part is down the gateway answers 503 problem+json with Retry-After, no other 5xx";

  private final Database database;
  private final LotusApi api;

  AnswerChecks(Database database, LotusApi api) {
    this.database = database;
    this.api = api;
  }

  /**
   * {@code settled}: every order placed so far with the status it settled with; {@code
   * serverErrorsBefore}: how many 5xx answers came before this round.
   */
  void run(
      Verdict verdict,
      Map<String, OrderStatus> settled,
      boolean cancelsRequested,
      int serverErrorsBefore)
      throws Exception {
    Set<String> atGateway = new HashSet<>();
    database
        .rows("select order_id from gateway.customer_order")
        .forEach(row -> atGateway.add((String) row.get("order_id")));
    settled.forEach(
        (orderId, status) ->
            verdict.holds(
                PLACED,
                orderId,
                atGateway.contains(orderId),
                "answered 202, settled as " + status + ", but the gateway has no such order"));
    verdict.covered(PLACED, !settled.isEmpty(), "orders were placed");
    for (String orderId : api.cancelsAccepted) {
      OrderStatus status = settled.get(orderId);
      verdict.holds(
          CANCELLED,
          orderId,
          status != null && status.state() == OrderState.Cancelled,
          "cancel accepted, but the order settled as " + status);
    }
    verdict.covered(CANCELLED, cancelsRequested, "cancels were requested");
    List<ServerError> answers = api.serverErrorsSince(serverErrorsBefore);
    List<Map<String, Object>> offending =
        answers.stream()
            .filter(answer -> !answer.saysPartIsDown())
            .map(answer -> Map.<String, Object>of("answer", answer.answer()))
            .toList();
    // no subjects is fine here: a round without a 5xx has nothing to hold to the rule
    verdict.rows(NO_OTHER_5XX, answers.size(), offending);
  }
}
