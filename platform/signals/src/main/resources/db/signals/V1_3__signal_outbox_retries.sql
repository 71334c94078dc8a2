-- Per-row retries (SignalRelay): a signal Temporal refuses is tried again at next_attempt_at, after
-- a delay that doubles with each attempt, without holding back the rows behind it. After
-- lotus.outbox.max-attempts it is parked (dead_at set): kept with its last error, never retried,
-- counted in lotus_outbox_dead, until staff re-queue it (README "Runbook: when something is stuck").
-- The services list db/signals beside their own migrations and allow it out of order, as this
-- script arrived after their V2.
alter table signal_outbox
    add column attempts        integer     not null default 0,
    add column last_error      text,
    add column next_attempt_at timestamptz not null default now(),
    add column dead_at         timestamptz;

create index signal_outbox_due on signal_outbox (next_attempt_at) where dead_at is null;
