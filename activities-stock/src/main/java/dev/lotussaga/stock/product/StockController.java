package dev.lotussaga.stock.product;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Internal API, called by the gateway for staff. */
@RestController
@RequestMapping("/internal/products/{productId}")
class StockController {

  private final StockArrivals arrivals;
  private final ProductStockRepository products;

  StockController(StockArrivals arrivals, ProductStockRepository products) {
    this.arrivals = arrivals;
    this.products = products;
  }

  @PostMapping("/additions")
  ResponseEntity<?> add(
      @PathVariable int productId, @RequestParam @Min(1) @Max(1_000_000) int units) {
    return arrivals
        .add(productId, units)
        .<ResponseEntity<?>>map(stock -> ResponseEntity.ok(Stock.of(stock)))
        .orElseGet(() -> unknown(productId));
  }

  @ExceptionHandler(ShelfFull.class)
  ResponseEntity<ProblemDetail> shelfFull(ShelfFull full) {
    return ResponseEntity.status(HttpStatus.CONFLICT)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, full.getMessage()));
  }

  @GetMapping
  ResponseEntity<?> stock(@PathVariable int productId) {
    return products
        .findById(productId)
        .<ResponseEntity<?>>map(stock -> ResponseEntity.ok(Stock.of(stock)))
        .orElseGet(() -> unknown(productId));
  }

  private static ResponseEntity<ProblemDetail> unknown(int productId) {
    ProblemDetail problem =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.NOT_FOUND, "No product " + productId + " in stock");
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(problem);
  }

  record Stock(int productId, int available) {
    static Stock of(ProductStock stock) {
      return new Stock(stock.productId(), stock.available());
    }
  }
}
