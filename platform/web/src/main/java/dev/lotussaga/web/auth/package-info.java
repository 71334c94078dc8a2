/**
 * Zero trust between the gateway and the internal services: every {@code /internal/**} call carries
 * a short-lived RS256 token that the gateway minted for this service (its audience) on behalf of a
 * buyer or a staff member; the service verifies it against the gateway's published keys and lets
 * the caller act only as {@link dev.lotussaga.web.auth.InternalCaller} allows.
 */
package dev.lotussaga.web.auth;
