/**
 * Login throttling against password guessing: failed logins per account and per client address earn
 * a growing, capped back-off during which further attempts are refused (429) without checking the
 * password. Correct logins are never counted; a success clears the account's streak. Refresh tokens
 * refused count as failed logins of their address. Registrations are limited per address too.
 */
package dev.lotussaga.gateway.profile.throttle;
