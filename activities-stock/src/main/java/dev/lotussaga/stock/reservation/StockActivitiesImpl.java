package dev.lotussaga.stock.reservation;

import dev.lotussaga.contracts.stock.ReleaseStock;
import dev.lotussaga.contracts.stock.ReservationOutcome;
import dev.lotussaga.contracts.stock.ReserveStock;
import dev.lotussaga.contracts.stock.StockActivities;
import io.temporal.spring.boot.ActivityImpl;
import org.springframework.stereotype.Component;

@Component
@ActivityImpl(taskQueues = StockActivities.TASK_QUEUE)
class StockActivitiesImpl implements StockActivities {

  private final UnitReserver reserver;
  private final UnitReleaser releaser;

  StockActivitiesImpl(UnitReserver reserver, UnitReleaser releaser) {
    this.reserver = reserver;
    this.releaser = releaser;
  }

  @Override
  public ReservationOutcome reserveStock(ReserveStock command) {
    return reserver.reserve(command);
  }

  @Override
  public void releaseStock(ReleaseStock command) {
    releaser.release(command);
  }
}
