package dev.lotussaga.gateway.stock;

import dev.lotussaga.gateway.catalog.Catalog;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/stock")
class StockController {

  private final Catalog catalog;
  private final Downstream stock;

  StockController(Catalog catalog, ServiceUrls urls, RestClient.Builder http) {
    this.catalog = catalog;
    this.stock = new Downstream("stock", urls.stock(), http);
  }

  /** STAFF only (see the security configuration); wakes the first order waiting for the product. */
  @PutMapping("/add")
  Stock add(
      @RequestParam int idSubscription,
      @RequestParam @Min(value = 1, message = "must be at least 1") @Max(1_000_000) int count) {
    int productId = catalog.product(idSubscription).id();
    return stock.call(
        client ->
            client
                .post()
                .uri("/internal/products/{productId}/additions?units={units}", productId, count)
                .retrieve()
                .body(Stock.class));
  }

  record Stock(int productId, int available) {}
}
