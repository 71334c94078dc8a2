package dev.lotussaga.gateway.session;

/** Why a session ended; stored with it. */
public enum RevocationReason {
  LOGOUT,
  REFRESH_TOKEN_REUSED,
  PASSWORD_CHANGED,
  ROLE_CHANGED
}
