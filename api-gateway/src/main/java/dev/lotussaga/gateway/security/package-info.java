/**
 * RS256 access tokens: issued at login with nimbus-jose-jwt, verified on every request by Spring
 * Security's resource server against the same key, public key published as a JWK set.
 */
package dev.lotussaga.gateway.security;
