-- Sessions and refresh tokens (README "Sessions and tokens"). A login starts a session; its access
-- tokens carry the session id (claim sid) and are refused once it is revoked.
create table user_session (
    id             uuid primary key,
    user_id        bigint      not null references app_user (id),
    started_at     timestamptz not null,
    revoked_at     timestamptz,
    revoked_reason varchar(40)
);
create index user_session_live_by_user on user_session (user_id) where revoked_at is null;

-- Only the SHA-256 of a refresh token is kept (hex), never the token. Each refresh uses one up and
-- issues the next in the same session; a used one presented again revokes the session.
create table refresh_token (
    token_hash varchar(64) primary key check (length(token_hash) = 64),
    session_id uuid        not null references user_session (id),
    user_id    bigint      not null references app_user (id),
    issued_at  timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index refresh_token_by_session on refresh_token (session_id);
create index refresh_token_by_user on refresh_token (user_id, expires_at);
