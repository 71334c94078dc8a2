package dev.lotussaga.observability;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;

/**
 * Every activity that runs for an order workflow logs with that order's id: the workflow id names
 * the order, so no activity has to pass it to its logger.
 */
public class ActivityLogContext extends WorkerInterceptorBase {

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private String workflowId;

      @Override
      public void init(ActivityExecutionContext context) {
        workflowId = context.getInfo().getWorkflowId();
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        try (OrderLogContext context = OrderLogContext.ofWorkflow(workflowId)) {
          return super.execute(input);
        }
      }
    };
  }
}
