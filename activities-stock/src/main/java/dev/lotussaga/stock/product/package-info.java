/** Units available per product, and staff adding new ones. */
package dev.lotussaga.stock.product;
