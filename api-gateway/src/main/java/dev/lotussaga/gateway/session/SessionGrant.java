package dev.lotussaga.gateway.session;

import java.time.Duration;
import java.util.UUID;

/** A session started or renewed: whose, and the refresh token that renews it next. */
public record SessionGrant(
    UUID sessionId, long userId, String refreshToken, Duration refreshExpiresIn) {}
