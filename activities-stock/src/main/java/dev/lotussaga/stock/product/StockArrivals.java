package dev.lotussaga.stock.product;

import dev.lotussaga.signals.WaitingLine;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds units and wakes the product's first waiting order in the same transaction. */
@Component
public class StockArrivals {

  private final ProductStockRepository products;
  private final StockAdditionRepository additions;
  private final WaitingLine stockWaitingLine;

  StockArrivals(
      ProductStockRepository products,
      StockAdditionRepository additions,
      WaitingLine stockWaitingLine) {
    this.products = products;
    this.additions = additions;
    this.stockWaitingLine = stockWaitingLine;
  }

  /**
   * Empty when the product is unknown; {@link ShelfFull} past {@link ProductStock#MAX_AVAILABLE}.
   */
  @Transactional
  public Optional<ProductStock> add(int productId, int units) {
    Optional<ProductStock> product = products.findForUpdate(productId);
    product.ifPresent(
        stock -> {
          if (!stock.hasRoomFor(units)) {
            throw new ShelfFull(productId, stock.available());
          }
          stock.add(units);
          additions.save(new StockAddition(productId, units));
          stockWaitingLine.wakeFirst(Integer.toString(productId));
        });
    return product;
  }
}
