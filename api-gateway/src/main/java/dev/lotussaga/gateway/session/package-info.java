/**
 * Sessions: each login starts one, its access tokens name it (claim {@code sid}) and its refresh
 * tokens renew it. Refresh tokens rotate, are stored only as hashes, and a used one presented again
 * revokes its session. Logout, a password change and a role change revoke sessions; {@link
 * dev.lotussaga.gateway.session.LiveSessions} tells every request whether its session still holds.
 */
package dev.lotussaga.gateway.session;
