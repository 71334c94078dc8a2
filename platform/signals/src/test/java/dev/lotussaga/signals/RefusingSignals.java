package dev.lotussaga.signals;

import io.grpc.Status;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptor;
import io.temporal.common.interceptors.WorkflowClientCallsInterceptorBase;
import io.temporal.common.interceptors.WorkflowClientInterceptorBase;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Temporal as the relay's tests need it: a signal to a workflow id starting with {@link #REFUSED}
 * is refused for good (PERMISSION_DENIED, as an authorizer would), one starting with {@link
 * #UNREACHABLE} finds Temporal unreachable (UNAVAILABLE); the rest go through. Counts the signals
 * each workflow id was sent.
 */
final class RefusingSignals extends WorkflowClientInterceptorBase {

  static final String REFUSED = "refused-";
  static final String UNREACHABLE = "unreachable-";

  private final Map<String, AtomicInteger> sent = new ConcurrentHashMap<>();

  int sentTo(String workflowId) {
    AtomicInteger count = sent.get(workflowId);
    return count == null ? 0 : count.get();
  }

  @Override
  public WorkflowClientCallsInterceptor workflowClientCallsInterceptor(
      WorkflowClientCallsInterceptor next) {
    return new WorkflowClientCallsInterceptorBase(next) {
      @Override
      public WorkflowSignalOutput signal(WorkflowSignalInput input) {
        String workflowId = input.getWorkflowExecution().getWorkflowId();
        sent.computeIfAbsent(workflowId, any -> new AtomicInteger()).incrementAndGet();
        if (workflowId.startsWith(REFUSED)) {
          throw Status.PERMISSION_DENIED
              .withDescription("signals to " + workflowId + " are not allowed")
              .asRuntimeException();
        }
        if (workflowId.startsWith(UNREACHABLE)) {
          throw Status.UNAVAILABLE.withDescription("io exception").asRuntimeException();
        }
        return super.signal(input);
      }
    };
  }
}
