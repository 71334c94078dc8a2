-- Cancelled orders: refunded_amount is what their charge gave back (0 if they were never charged).
-- The ledger becomes: balance = sum(deposit) - sum(order_charge) + sum(cancelled_order.refunded_amount).
create table cancelled_order (
    order_id        varchar(64) primary key,
    user_id         bigint         not null,
    refunded_amount numeric(19, 2) not null check (refunded_amount >= 0),
    cancelled_at    timestamptz    not null default now()
);
