package dev.lotussaga.stock.product;

/** An arrival that would take a product past {@link ProductStock#MAX_AVAILABLE} units. */
class ShelfFull extends RuntimeException {

  ShelfFull(int productId, int available) {
    super(
        "Product "
            + productId
            + " has "
            + available
            + " units; arrivals stop at "
            + ProductStock.MAX_AVAILABLE);
  }
}
