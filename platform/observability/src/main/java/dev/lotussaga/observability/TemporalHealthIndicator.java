package dev.lotussaga.observability;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.workflowservice.v1.GetSystemInfoRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;

/**
 * Up while Temporal's frontend answers. Any answer counts, even UNIMPLEMENTED: the local test
 * server does not implement every call, yet it is there.
 */
public class TemporalHealthIndicator extends AbstractHealthIndicator {

  private final WorkflowServiceStubs service;
  private final Duration timeout;

  public TemporalHealthIndicator(WorkflowServiceStubs service, Duration timeout) {
    super("Temporal is unreachable");
    this.service = service;
    this.timeout = timeout;
  }

  @Override
  protected void doHealthCheck(Health.Builder health) {
    String target = Objects.requireNonNullElse(service.getOptions().getTarget(), "in-process");
    try {
      var info =
          service
              .blockingStub()
              .withDeadlineAfter(timeout.toMillis(), TimeUnit.MILLISECONDS)
              .getSystemInfo(GetSystemInfoRequest.getDefaultInstance());
      health.up().withDetail("target", target).withDetail("serverVersion", info.getServerVersion());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.UNIMPLEMENTED) {
        health.up().withDetail("target", target);
      } else {
        health.down().withDetail("target", target).withDetail("status", e.getStatus().getCode());
      }
    }
  }
}
