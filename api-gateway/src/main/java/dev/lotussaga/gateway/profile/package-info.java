/** Registration, login and the staff account created from configuration. */
package dev.lotussaga.gateway.profile;
