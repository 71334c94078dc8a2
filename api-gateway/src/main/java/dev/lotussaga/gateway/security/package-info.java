/**
 * RS256 tokens from a JWK set (the first key signs, every key verifies): access tokens issued at
 * login and verified on every request by Spring Security's resource server, and one-minute tokens
 * for each call to an internal service; the public keys are published as a JWK set.
 */
package dev.lotussaga.gateway.security;
