/** Orders of products that staff accept by hand before a courier is booked. */
package dev.lotussaga.delivery.acceptance;
