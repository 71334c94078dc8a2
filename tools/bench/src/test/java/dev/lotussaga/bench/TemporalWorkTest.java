package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TemporalWorkTest {

  @Test
  void keepsOnlyTheLastFinishedWorkflowsUpToItsCapacity() {
    TemporalWork.LastFinished last = new TemporalWork.LastFinished(3);

    for (int i = 1; i <= 5; i++) {
      last.add("order-" + i);
    }

    assertThat(last.workflowIds()).containsExactly("order-3", "order-4", "order-5");
  }
}
