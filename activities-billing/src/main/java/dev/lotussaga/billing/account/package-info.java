/** A buyer's balance and the deposits that raise it. */
package dev.lotussaga.billing.account;
