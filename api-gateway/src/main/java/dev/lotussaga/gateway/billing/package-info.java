/** The buyer's balance: top-ups and reading it, forwarded to the billing service. */
package dev.lotussaga.gateway.billing;
