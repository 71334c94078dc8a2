/** The products one can order, with their prices. */
package dev.lotussaga.gateway.catalog;
