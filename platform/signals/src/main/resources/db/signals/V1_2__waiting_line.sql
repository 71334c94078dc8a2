-- Orders waiting for a resource (a buyer's balance, a product's stock), first come first served.
create table waiting_line (
    id           bigserial primary key,
    order_id     varchar(64)  not null unique,
    resource_key varchar(100) not null,
    joined_at    timestamptz  not null default now()
);
create index waiting_line_by_resource on waiting_line (resource_key, id);
