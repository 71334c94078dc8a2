package dev.lotussaga.workflows.worker;

import io.temporal.spring.boot.WorkerOptionsCustomizer;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Switches sticky execution off when {@code lotus.worker.sticky-execution=false}. A real Temporal
 * server moves a dead worker's workflow tasks back to the shared queue after a few seconds;
 * Temporal's Java test server (the local stack) never does, so after a {@code kill -9} of this
 * worker the orders it had cached would wait forever. The faults suite runs with it off; sticky
 * execution saves replaying the history on every task, so it stays on by default.
 */
@Component
@ConditionalOnProperty(name = "lotus.worker.sticky-execution", havingValue = "false")
class StickyExecutionOff implements WorkerOptionsCustomizer {

  @Override
  public WorkerOptions.Builder customize(
      WorkerOptions.Builder options, String workerName, String taskQueue) {
    // A zero schedule-to-start timeout makes the SDK leave out the sticky attributes.
    return options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
  }
}
