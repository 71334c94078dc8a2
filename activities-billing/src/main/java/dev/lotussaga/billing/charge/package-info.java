/** Charging orders, once each, in the order the buyer placed them. */
package dev.lotussaga.billing.charge;
