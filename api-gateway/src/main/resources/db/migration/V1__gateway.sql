create table app_user (
    id            bigserial primary key,
    email         varchar(254) not null unique,
    password_hash varchar(100) not null,
    first_name    varchar(100),
    last_name     varchar(100),
    role          varchar(10)  not null check (role in ('USER', 'STAFF')),
    created_at    timestamptz  not null default now()
);

create table product (
    id    integer primary key,
    name  varchar(100)   not null,
    price numeric(19, 2) not null check (price > 0)
);

-- Orders as the gateway knows them: the owner, what was ordered at which price, and the last state
-- seen on Kafka (answers GET /order/{id} when the workflow cannot be queried).
create table customer_order (
    order_id          varchar(64) primary key,
    user_id           bigint         not null references app_user (id),
    product_id        integer        not null references product (id),
    price             numeric(19, 2) not null,
    status            varchar(40)    not null,
    waiting_for       varchar(20),
    status_at         timestamptz    not null,
    idempotency_key   varchar(100),
    workflow_started  boolean        not null default false,
    created_at        timestamptz    not null default now(),
    unique (user_id, idempotency_key)
);
create index customer_order_by_user on customer_order (user_id, created_at desc);

create table order_state_change (
    event_id    varchar(100) primary key,
    order_id    varchar(64)  not null references customer_order (order_id),
    status      varchar(40)  not null,
    waiting_for varchar(20),
    at          timestamptz  not null
);
create index order_state_change_by_order on order_state_change (order_id, at);

-- Seed catalogue. A user with balance 0 cannot pay for any of them.
insert into product (id, name, price) values
    (1, 'Lotus tea', 100.00),
    (2, 'Lotus lamp', 500.00),
    (3, 'Lotus sculpture', 1500.00);
