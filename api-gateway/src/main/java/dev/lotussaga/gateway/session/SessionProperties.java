package dev.lotussaga.gateway.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Sessions and refresh tokens (prefix {@code lotus.sessions}).
 *
 * @param refreshTimeToLive how long a refresh token may be used, counted from when it was issued;
 *     each refresh issues a new one, so a session used at least this often lasts
 * @param liveCheckCache how long a replica trusts what it last read about a session; a revocation
 *     made on another replica is seen here within this time, one made here at once
 * @param maxCached sessions whose state a replica remembers at most
 */
@ConfigurationProperties("lotus.sessions")
record SessionProperties(
    @DefaultValue("30d") Duration refreshTimeToLive,
    @DefaultValue("5s") Duration liveCheckCache,
    @DefaultValue("100000") int maxCached) {}
