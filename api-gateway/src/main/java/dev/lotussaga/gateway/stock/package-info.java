/** Staff adding units to stock, forwarded to the stock service. */
package dev.lotussaga.gateway.stock;
