-- Signals to workflows, written in the same transaction as the change they announce and delivered
-- after commit by SignalRelay (transactional outbox): a signal is never lost and never sent for a
-- change that rolled back.
create table signal_outbox (
    id          bigserial primary key,
    workflow_id varchar(200) not null,
    signal_name varchar(100) not null,
    created_at  timestamptz  not null default now()
);
