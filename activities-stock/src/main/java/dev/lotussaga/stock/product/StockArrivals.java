package dev.lotussaga.stock.product;

import dev.lotussaga.stock.product.AdditionKeys.FirstArrival;
import dev.lotussaga.web.IdempotencyKey;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds units and hands them to the orders waiting for them in the same transaction; an arrival with
 * an Idempotency-Key stores the key in that transaction too.
 */
@Component
public class StockArrivals {

  private final ProductStockRepository products;
  private final StockAdditionRepository additions;
  private final AdditionKeys keys;
  private final WaitingOrdersServed waitingOrders;

  StockArrivals(
      ProductStockRepository products,
      StockAdditionRepository additions,
      AdditionKeys keys,
      WaitingOrdersServed waitingOrders) {
    this.products = products;
    this.additions = additions;
    this.keys = keys;
    this.waitingOrders = waitingOrders;
  }

  /** The units an arrival answered, and whether the answer repeats an earlier one. */
  public record Arrival(int productId, int available, boolean replayed) {}

  @Transactional
  public Optional<Arrival> add(int productId, int units) {
    return add(productId, units, 0, null);
  }

  /**
   * Empty when the product is unknown; {@link ShelfFull} past {@link ProductStock#MAX_AVAILABLE}.
   * With a key (may be null) the staff member used before, within its lifetime: no addition, the
   * first answer again; or a 422 if that arrival was of another product or count.
   */
  @Transactional
  public Optional<Arrival> add(int productId, int units, long staffId, String idempotencyKey) {
    Optional<ProductStock> product = products.findForUpdate(productId);
    if (product.isEmpty()) {
      return Optional.empty();
    }
    ProductStock stock = product.get();
    if (idempotencyKey != null) {
      var asked = new FirstArrival(productId, units, stock.available() + units);
      Optional<FirstArrival> first = keys.claim(staffId, idempotencyKey, asked);
      if (first.isPresent()) {
        return Optional.of(replay(first.get(), asked));
      }
    }
    if (!stock.hasRoomFor(units)) {
      throw new ShelfFull(productId, stock.available());
    }
    stock.add(units);
    additions.save(new StockAddition(productId, units));
    boolean servedSome = !waitingOrders.serve(stock).isEmpty();
    if (servedSome && idempotencyKey != null) {
      keys.answered(staffId, idempotencyKey, stock.available());
    }
    return Optional.of(new Arrival(productId, stock.available(), false));
  }

  private static Arrival replay(FirstArrival first, FirstArrival asked) {
    if (first.productId() != asked.productId() || first.units() != asked.units()) {
      throw IdempotencyKey.reusedFor(describe(first), describe(asked));
    }
    return new Arrival(first.productId(), first.available(), true);
  }

  private static String describe(FirstArrival arrival) {
    return arrival.units() + " units of product " + arrival.productId();
  }
}
