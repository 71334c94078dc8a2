-- Cancelled orders: returned_units is 1 if the order held a unit that went back to stock.
-- The ledger becomes: available = initial_units + sum(stock_addition) - count(stock_reservation)
--                                 + sum(cancelled_order.returned_units).
create table cancelled_order (
    order_id       varchar(64) primary key,
    product_id     integer     not null references product_stock (product_id),
    returned_units integer     not null check (returned_units in (0, 1)),
    cancelled_at   timestamptz not null default now()
);
