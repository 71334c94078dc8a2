package dev.lotussaga.gateway.profile;

/**
 * What a login, a refresh and a password change answer: an access token and the refresh token that
 * renews it, each with its lifetime in seconds.
 */
record LoggedIn(
    String accessToken,
    String tokenType,
    long expiresIn,
    long userId,
    String refreshToken,
    long refreshExpiresIn) {}
