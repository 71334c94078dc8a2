package dev.lotussaga.gateway.security;

import java.time.Duration;

public record IssuedToken(String value, Duration expiresIn) {}
