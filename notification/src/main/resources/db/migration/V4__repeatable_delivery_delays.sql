-- A buyer who chooses another slot may be told again that it cannot be booked (DELIVERY_DELAYED,
-- each telling a new slot), as a failed payment may be told again.
drop index notification_one_milestone_per_order;
create unique index notification_one_milestone_per_order on notification (order_id, type)
    where type not in ('PAYMENT_FAILED', 'DELIVERY_DELAYED');
