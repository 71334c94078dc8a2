create table product_stock (
    product_id    integer primary key,
    initial_units integer     not null check (initial_units >= 0),
    available     integer     not null check (available >= 0),
    updated_at    timestamptz not null default now()
);

-- The ledger: available = initial_units + sum(stock_addition) - count(stock_reservation).
create table stock_addition (
    id         bigserial primary key,
    product_id integer     not null references product_stock (product_id),
    units      integer     not null check (units > 0),
    created_at timestamptz not null default now()
);

-- One row per order holding a unit: the primary key makes reserving idempotent.
create table stock_reservation (
    order_id    varchar(64) primary key,
    product_id  integer     not null references product_stock (product_id),
    reserved_at timestamptz not null default now()
);

-- Seed: product 1 is plentiful, products 2 and 3 arrive later.
insert into product_stock (product_id, initial_units, available) values
    (1, 1000000, 1000000),
    (2, 0, 0),
    (3, 0, 0);
