create table account (
    user_id    bigint primary key,
    balance    numeric(19, 2) not null default 0 check (balance >= 0),
    updated_at timestamptz    not null default now()
);

-- The ledger: balance = sum(deposit) - sum(order_charge), checked by the fault suite.
create table deposit (
    id         bigserial primary key,
    user_id    bigint         not null,
    amount     numeric(19, 2) not null check (amount > 0),
    created_at timestamptz    not null default now()
);
create index deposit_by_user on deposit (user_id);

-- One row per paid order: the primary key makes charging idempotent.
create table order_charge (
    order_id   varchar(64) primary key,
    user_id    bigint         not null,
    amount     numeric(19, 2) not null check (amount > 0),
    charged_at timestamptz    not null default now()
);
create index order_charge_by_user on order_charge (user_id);
