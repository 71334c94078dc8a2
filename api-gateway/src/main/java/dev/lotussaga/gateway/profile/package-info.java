/**
 * Registration, login, refresh and logout, password and role changes, and the staff account created
 * from configuration.
 */
package dev.lotussaga.gateway.profile;
