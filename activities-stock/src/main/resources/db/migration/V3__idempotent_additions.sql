-- A stock arrival's Idempotency-Key (per staff member), written in the transaction of its
-- stock_addition: the same key from the same staff member again gets the same answer (units
-- available then) instead of a second addition. A key expires lotus.idempotency.key-lifetime after
-- created_at; expired rows are filtered out on look-up and deleted a few at a time whenever a new
-- key is stored.
create table stock_addition_key (
    staff_id        bigint       not null,
    idempotency_key varchar(100) not null,
    product_id      integer      not null,
    units           integer      not null,
    available       integer      not null,
    created_at      timestamptz  not null,
    primary key (staff_id, idempotency_key)
);
create index stock_addition_key_by_age on stock_addition_key (created_at);
