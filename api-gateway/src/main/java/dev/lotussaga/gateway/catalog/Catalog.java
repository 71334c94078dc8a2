package dev.lotussaga.gateway.catalog;

import dev.lotussaga.gateway.system.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

@Component
public class Catalog {

  private final ProductRepository products;

  Catalog(ProductRepository products) {
    this.products = products;
  }

  /** The product, or 400: naming an unknown product is bad input. */
  public Product product(int productId) {
    return products
        .findById(productId)
        .orElseThrow(
            () -> new ApiException(HttpStatus.BAD_REQUEST, "There is no product " + productId));
  }
}
