/** Business metrics the gateway reports: orders placed and orders by their current state. */
package dev.lotussaga.gateway.metrics;
