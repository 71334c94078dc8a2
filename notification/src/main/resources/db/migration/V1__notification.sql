-- What buyers are told about their orders. event_id is the Kafka event's id: a redelivered event is
-- stored once.
create table notification (
    id         bigserial primary key,
    event_id   varchar(100) not null unique,
    order_id   varchar(64)  not null,
    user_id    bigint       not null,
    type       varchar(40)  not null,
    message    varchar(500) not null,
    created_at timestamptz  not null
);
create index notification_by_user on notification (user_id, created_at, id);
