package dev.lotussaga.stock.reservation;

import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import dev.lotussaga.contracts.stock.StockActivities;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = StockActivities.TASK_QUEUE)
class ReservationActivities implements StockActivities {

  private final UnitReserver reserver;

  ReservationActivities(UnitReserver reserver) {
    this.reserver = reserver;
  }

  @Override
  public ReservationOutcome reserveStock(ReserveStock command) {
    return reserver.reserve(command);
  }
}
