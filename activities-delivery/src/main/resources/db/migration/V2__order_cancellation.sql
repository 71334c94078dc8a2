-- Cancelled orders: their booking and acceptance request are removed, and they can never be booked.
create table cancelled_order (
    order_id     varchar(64) primary key,
    cancelled_at timestamptz not null default now()
);
