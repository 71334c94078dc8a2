package dev.lotussaga.faults;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Invariants over the services' own books, in SQL across their schemas. Each query returns the rows
 * that break its invariant; the count query says how many subjects it looked at, and the expected
 * query how many it must at least have had something to look at (from the gateway's orders, which
 * no service's book can hide), so that a check cannot pass over nothing.
 */
final class LedgerChecks {

  private record Check(String invariant, String subjects, String offending, String expected) {}

  private static final String ORDERS = "select count(*) from gateway.customer_order";

  private static final Check[] CHECKS = {
    new Check(
        "balance = deposits - charges + refunds, never negative",
        """
        select count(*) from (select user_id from billing.account union select user_id from
        billing.deposit union select user_id from billing.order_charge) users
        """,
        """
        with users as (select user_id from billing.account union select user_id from billing.deposit
                       union select user_id from billing.order_charge),
             d as (select user_id, sum(amount) s from billing.deposit group by user_id),
             c as (select user_id, sum(amount) s from billing.order_charge group by user_id),
             r as (select user_id, sum(refunded_amount) s from billing.cancelled_order group by user_id)
        select u.user_id, a.balance, coalesce(d.s, 0) deposits, coalesce(c.s, 0) charges,
               coalesce(r.s, 0) refunds
          from users u left join billing.account a using (user_id) left join d using (user_id)
               left join c using (user_id) left join r using (user_id)
         where a.balance is null or a.balance < 0
            or a.balance <> coalesce(d.s, 0) - coalesce(c.s, 0) + coalesce(r.s, 0)
        """,
        ORDERS),
    new Check(
        "a refund returns exactly what was charged",
        "select count(*) from billing.cancelled_order",
        """
        select co.order_id, co.refunded_amount, c.amount charged
          from billing.cancelled_order co left join billing.order_charge c using (order_id)
         where co.refunded_amount <> coalesce(c.amount, 0)
        """,
        "select count(*) from gateway.customer_order where status = 'Cancelled'"),
    new Check(
        "initial + added - reserved + returned = available, never negative",
        "select count(*) from stock.product_stock",
        """
        select p.product_id, p.initial_units, coalesce(a.s, 0) added, coalesce(r.n, 0) reserved,
               coalesce(ret.s, 0) returned, p.available
          from stock.product_stock p
               left join (select product_id, sum(units) s from stock.stock_addition group by 1) a
                 using (product_id)
               left join (select product_id, count(*) n from stock.stock_reservation group by 1) r
                 using (product_id)
               left join (select product_id, sum(returned_units) s from stock.cancelled_order
                          group by 1) ret using (product_id)
         where p.available < 0
            or p.initial_units + coalesce(a.s, 0) - coalesce(r.n, 0) + coalesce(ret.s, 0)
               <> p.available
        """,
        ORDERS),
    new Check(
        "a unit is returned only for an order that reserved one",
        "select count(*) from stock.cancelled_order",
        """
        select co.order_id from stock.cancelled_order co
         where co.returned_units = 1
           and not exists (select 1 from stock.stock_reservation r where r.order_id = co.order_id)
        """,
        // a reservation's release is registered before it is tried: a cancelled order that
        // reserved a unit has a cancelled_order row in stock
        """
        select count(*) from gateway.customer_order o join stock.stock_reservation r using (order_id)
         where o.status = 'Cancelled'
        """),
    new Check(
        "a courier slot is booked by at most one order",
        "select count(*) from delivery.courier_booking",
        """
        select courier_id, slot_start, count(*) orders from delivery.courier_booking
         group by courier_id, slot_start having count(*) > 1
        """,
        "select count(*) from gateway.customer_order where status = 'NotifyingSourceSystem'"),
    new Check(
        "a cancelled order holds no courier",
        "select count(*) from delivery.cancelled_order",
        """
        select b.order_id, b.courier_id, b.slot_start
          from delivery.courier_booking b join delivery.cancelled_order c using (order_id)
        """,
        // the courier's release is registered once the order reached ValidatingDelivery
        """
        select count(*) from gateway.customer_order o
         where o.status = 'Cancelled'
           and exists (select 1 from gateway.order_state_change s
                        where s.order_id = o.order_id and s.status = 'ValidatingDelivery')
        """),
    new Check(
        "no lost wake-up: the first order waiting for a buyer's money cannot pay",
        "select count(distinct resource_key) from billing.waiting_line",
        """
        with heads as (select distinct on (resource_key) order_id from billing.waiting_line
                        order by resource_key, id)
        select h.order_id, o.price, a.balance
          from heads h join gateway.customer_order o using (order_id)
               join billing.account a on a.user_id = o.user_id
         where a.balance >= o.price
        """,
        "select count(*) from gateway.customer_order where waiting_for = 'FUNDS'"),
    new Check(
        "no lost wake-up: nobody waits for a product that is in stock",
        "select count(*) from stock.waiting_line",
        """
        select w.order_id, p.product_id, p.available
          from stock.waiting_line w join stock.product_stock p
               on p.product_id = cast(w.resource_key as integer)
         where p.available > 0
        """,
        "select count(*) from gateway.customer_order where waiting_for = 'STOCK'"),
    new Check(
        "no lost wake-up: an accepted order has its courier or was cancelled",
        "select count(*) from delivery.acceptance_request where accepted_at is not null",
        """
        select a.order_id, a.accepted_at from delivery.acceptance_request a
         where a.accepted_at is not null
           and not exists (select 1 from delivery.courier_booking b where b.order_id = a.order_id)
           and not exists (select 1 from delivery.cancelled_order c where c.order_id = a.order_id)
        """,
        """
        select count(*) from gateway.customer_order
         where product_id = 3 and status = 'NotifyingSourceSystem'
        """),
    new Check(
        "finished orders leave every waiting line",
        """
        select count(*) from gateway.customer_order
         where status in ('Cancelled', 'NotifyingSourceSystem')
        """,
        """
        select w.order_id, o.status from (select order_id from billing.waiting_line union all
                                          select order_id from stock.waiting_line) w
               join gateway.customer_order o using (order_id)
         where o.status in ('Cancelled', 'NotifyingSourceSystem')
        """,
        """
        select count(*) from notification.notification
         where type in ('ORDER_IN_DELIVERY', 'ORDER_CANCELLED')
        """),
    new Check(
        "every notification is stored once",
        "select count(*) from notification.notification",
        """
        select event_id, count(*) copies from notification.notification
         group by event_id having count(*) > 1
        """,
        ORDERS),
  };

  static final String DEPOSITS_MEANT =
      "per buyer, billing's deposits are the top-ups the driver meant, retries applied once";
  static final String ADDITIONS_MEANT =
      "per product, stock's additions are the arrivals staff meant, retries applied once";

  private final Database database;

  LedgerChecks(Database database) {
    this.database = database;
  }

  void run(Verdict verdict) throws SQLException {
    for (Check check : CHECKS) {
      verdict.rows(
          check.invariant(), database.count(check.subjects()), database.rows(check.offending()));
      verdict.covered(
          check.invariant(),
          database.count(check.expected()) > 0,
          "the gateway's orders say there is something to check");
    }
    checkWhatTheDriverMeant(verdict, DriverLedger.OF_THIS_RUN);
  }

  /** Against the driver's own record, as the books alone cannot tell a retry from a top-up. */
  private void checkWhatTheDriverMeant(Verdict verdict, DriverLedger meant) throws SQLException {
    Map<Long, BigDecimal> deposited = new HashMap<>();
    for (Map<String, Object> row :
        database.rows("select user_id, sum(amount) s from billing.deposit group by user_id")) {
      deposited.put(((Number) row.get("user_id")).longValue(), (BigDecimal) row.get("s"));
    }
    verdict.rows(DEPOSITS_MEANT, meant.buyers(), meant.offendingBuyers(deposited));
    verdict.covered(DEPOSITS_MEANT, !deposited.isEmpty(), "billing holds deposits");
    Map<Integer, Long> added = new HashMap<>();
    for (Map<String, Object> row :
        database.rows("select product_id, sum(units) s from stock.stock_addition group by 1")) {
      added.put(((Number) row.get("product_id")).intValue(), ((Number) row.get("s")).longValue());
    }
    verdict.rows(ADDITIONS_MEANT, meant.products(), meant.offendingProducts(added));
    verdict.covered(ADDITIONS_MEANT, !added.isEmpty(), "stock holds additions");
  }
}
