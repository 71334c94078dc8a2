/** Booking a courier for a time slot, once per order. */
package dev.lotussaga.delivery.booking;
