-- A re-driven order (README "What survives a restart") walks its steps again under new event ids:
-- the buyer is told each milestone once. Only a failed payment may be told again (a new attempt).
create unique index notification_one_milestone_per_order on notification (order_id, type)
    where type <> 'PAYMENT_FAILED';
