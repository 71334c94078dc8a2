/** Reserving one unit per order, in the order the orders waited. */
package dev.lotussaga.stock.reservation;
