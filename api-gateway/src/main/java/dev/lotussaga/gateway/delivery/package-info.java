/** Staff accepting orders for delivery, forwarded to the delivery service. */
package dev.lotussaga.gateway.delivery;
