package dev.lotussaga.stock.product;

import dev.lotussaga.web.IdempotencyKey;
import dev.lotussaga.web.ProblemJson;
import dev.lotussaga.web.auth.InternalCaller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Internal API, called by the gateway: additions for staff, stock levels for anyone it vouches for.
 */
@RestController
@RequestMapping("/internal/products/{productId}")
class StockController {

  private final StockArrivals arrivals;
  private final ProductStockRepository products;

  StockController(StockArrivals arrivals, ProductStockRepository products) {
    this.arrivals = arrivals;
    this.products = products;
  }

  /**
   * With an Idempotency-Key the staff member (named by the gateway's token: keys are per staff
   * member) used before: the first answer again, marked {@code Idempotent-Replayed: true}; 422 for
   * another product or count.
   */
  @PostMapping("/additions")
  ResponseEntity<?> add(
      InternalCaller caller,
      @PathVariable int productId,
      @RequestParam @Min(1) @Max(1_000_000) int units,
      @RequestHeader(name = IdempotencyKey.HEADER, required = false)
          @Pattern(regexp = IdempotencyKey.PATTERN, message = "must be " + IdempotencyKey.FORM)
          String idempotencyKey) {
    caller.mustBeStaff();
    return arrivals
        .add(productId, units, caller.userId(), idempotencyKey)
        .<ResponseEntity<?>>map(
            arrival -> {
              Stock stock = new Stock(arrival.productId(), arrival.available());
              return arrival.replayed() ? IdempotencyKey.replayed(stock) : ResponseEntity.ok(stock);
            })
        .orElseGet(() -> unknown(productId));
  }

  @ExceptionHandler(ShelfFull.class)
  ResponseEntity<ProblemDetail> shelfFull(ShelfFull full) {
    return ProblemJson.status(HttpStatus.CONFLICT)
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
    return problem(HttpStatus.NOT_FOUND, "No product " + productId + " in stock");
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
    return ResponseEntity.status(status).body(ProblemDetail.forStatusAndDetail(status, detail));
  }

  record Stock(int productId, int available) {
    static Stock of(ProductStock stock) {
      return new Stock(stock.productId(), stock.available());
    }
  }
}
