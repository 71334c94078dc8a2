package dev.lotussaga.faultswitches;

import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends every signal several times, as an at-least-once relay would after lost acknowledgements.
 */
public final class DuplicatedSignals extends WorkflowClientInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(DuplicatedSignals.class);

  private final int copies;

  public DuplicatedSignals(int copies) {
    this.copies = copies;
  }

  @Override
  public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
      WorkflowClientCallsInterceptor next) {
    return new WorkflowClientCallsInterceptorBase(next) {
      @Override
      public WorkflowSignalOutput signal(WorkflowSignalInput input) {
        WorkflowSignalOutput output = super.signal(input);
        for (int copy = 2; copy <= copies; copy++) {
          output = super.signal(input);
        }
        if (copies > 1) {
          log.info(
              "fault-switch: signal {} sent {} times to {}",
              input.getSignalName(),
              copies,
              input.getWorkflowExecution().getWorkflowId());
        }
        return output;
      }
    };
  }
}
