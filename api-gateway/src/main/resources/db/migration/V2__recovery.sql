-- Re-drive (README "What survives a restart"): an order whose workflow is gone gets a new run.
--   run_generation  1 for the first run, then one more for each re-driven run (part of event ids);
--   *_wait_limit_ms the wait limits the order started with, so a new run keeps them;
--   cancel_*        a cancel answered 202, stored before it is sent: a new run compensates.
alter table customer_order
    add column run_generation        integer not null default 1,
    add column funds_wait_limit_ms   bigint,
    add column stock_wait_limit_ms   bigint,
    add column courier_wait_limit_ms bigint,
    add column cancel_requested_at   timestamptz,
    add column cancel_reason         varchar(500);

-- The re-drive sweep pages through the orders that are not final.
create index customer_order_not_final on customer_order (created_at, order_id)
    where status not in ('NotifyingSourceSystem', 'Cancelled');
