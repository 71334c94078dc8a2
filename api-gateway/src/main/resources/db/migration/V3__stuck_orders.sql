-- A step or compensation that keeps failing (README "Runbook: when something is stuck"), as the
-- order's last event on Kafka shows it; null when the order is not stuck.
alter table customer_order
    add column stuck_step            varchar(40),
    add column stuck_attempts        integer,
    add column stuck_last_error      varchar(500),
    add column stuck_since           timestamptz,
    add column stuck_waits_for_staff boolean;

create index customer_order_stuck on customer_order (stuck_since) where stuck_step is not null;

-- Staff resolved a stuck compensation by hand: who, when and why.
create table stuck_resolution (
    id          bigserial primary key,
    order_id    varchar(64)  not null references customer_order (order_id),
    step        varchar(40)  not null,
    reason      varchar(500) not null,
    resolved_by varchar(254) not null,
    resolved_at timestamptz  not null default now()
);
create index stuck_resolution_by_order on stuck_resolution (order_id, resolved_at);
