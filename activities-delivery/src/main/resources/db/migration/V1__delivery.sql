create table delivery_policy (
    product_id        integer primary key,
    manual_acceptance boolean not null
);

create table courier (
    id   bigint primary key,
    name varchar(100) not null
);

-- One row per order with a courier: the primary key makes booking idempotent, the unique key keeps
-- a courier's slot to one order.
create table courier_booking (
    order_id   varchar(64) primary key,
    courier_id bigint      not null references courier (id),
    slot_start timestamptz not null,
    booked_at  timestamptz not null default now(),
    unique (courier_id, slot_start)
);

-- Orders of products that staff must accept before a courier is booked.
create table acceptance_request (
    order_id     varchar(64) primary key,
    product_id   integer     not null references delivery_policy (product_id),
    requested_at timestamptz not null default now(),
    accepted_at  timestamptz
);

-- Seed: products 1 and 2 are booked automatically, product 3 needs staff acceptance.
insert into delivery_policy (product_id, manual_acceptance) values (1, false), (2, false), (3, true);
insert into courier (id, name) values
    (1, 'Anna'), (2, 'Boris'), (3, 'Vera'), (4, 'Gleb'), (5, 'Daria'),
    (6, 'Egor'), (7, 'Zoya'), (8, 'Ivan'), (9, 'Kira'), (10, 'Lev');
