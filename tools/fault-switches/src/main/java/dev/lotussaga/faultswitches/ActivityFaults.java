package dev.lotussaga.faultswitches;

import io.temporal.activity.ActivityExecutionContext;
import io.temporal.activity.ActivityInfo;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptor;
import io.temporal.common.interceptors.ActivityInboundCallsInterceptorBase;
import io.temporal.common.interceptors.WorkerInterceptorBase;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs each activity body several times per attempt and, for a fixed share of activities, drops the
 * first attempt's answer after the effect committed. The share is picked by a hash of workflow and
 * activity id, so a rerun of the suite hits the same activities.
 */
public final class ActivityFaults extends WorkerInterceptorBase {

  private static final Logger log = LoggerFactory.getLogger(ActivityFaults.class);

  private final int runs;
  private final int lostAnswerPercent;

  public ActivityFaults(int runs, int lostAnswerPercent) {
    this.runs = runs;
    this.lostAnswerPercent = lostAnswerPercent;
  }

  @Override
  public ActivityInboundCallsInterceptor interceptActivity(ActivityInboundCallsInterceptor next) {
    return new ActivityInboundCallsInterceptorBase(next) {
      private ActivityExecutionContext context;

      @Override
      public void init(ActivityExecutionContext context) {
        this.context = context;
        super.init(context);
      }

      @Override
      public ActivityOutput execute(ActivityInput input) {
        ActivityOutput output = super.execute(input);
        for (int run = 2; run <= runs; run++) {
          output = super.execute(input);
        }
        ActivityInfo activity = context.getInfo();
        if (losesAnswer(activity)) {
          log.info(
              "fault-switch: answer of {} for {} lost after its effect",
              activity.getActivityType(),
              activity.getWorkflowId());
          throw new LostAnswer(activity.getActivityType());
        }
        return output;
      }
    };
  }

  private boolean losesAnswer(ActivityInfo activity) {
    int bucket =
        Math.floorMod((activity.getWorkflowId() + "/" + activity.getActivityId()).hashCode(), 100);
    return activity.getAttempt() == 1 && bucket < lostAnswerPercent;
  }

  /** Retryable on purpose: the point is that Temporal runs the activity again. */
  static final class LostAnswer extends RuntimeException {
    LostAnswer(String activityType) {
      super("Injected fault: the answer of " + activityType + " was lost after its effect");
    }
  }
}
