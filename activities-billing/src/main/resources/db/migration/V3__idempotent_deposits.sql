-- A top-up's Idempotency-Key, written in the transaction of its deposit: the same key from the same
-- buyer again gets the same answer (balance) instead of a second deposit. A key expires
-- lotus.idempotency.key-lifetime after created_at; expired rows are filtered out on look-up and
-- deleted a few at a time whenever a new key is stored.
create table deposit_key (
    user_id         bigint         not null,
    idempotency_key varchar(100)   not null,
    amount          numeric(19, 2) not null,
    balance         numeric(19, 2) not null,
    created_at      timestamptz    not null,
    primary key (user_id, idempotency_key)
);
create index deposit_key_by_age on deposit_key (created_at);
