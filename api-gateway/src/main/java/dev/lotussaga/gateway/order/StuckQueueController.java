package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.contracts.order.OrderWorkflowIds;
import dev.lotussaga.contracts.order.StuckResolution;
import dev.lotussaga.contracts.order.StuckStep;
import dev.lotussaga.gateway.system.ApiException;
import io.grpc.StatusRuntimeException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowException;
import io.temporal.client.WorkflowUpdateException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff's recovery queue: the orders whose step or compensation keeps failing (the saga keeps
 * retrying them), to retry now, or, for a compensation, to resolve by hand with a reason, which is
 * audited and ends the order {@code Cancelled}.
 */
@ApiResponse(responseCode = "403", description = "This operation is for staff only")
@RestController
@RequestMapping("/admin/stuck")
class StuckQueueController {

  private final CustomerOrderRepository repository;
  private final Orders orders;
  private final WorkflowClient workflows;
  private final JdbcTemplate jdbc;

  StuckQueueController(
      CustomerOrderRepository repository,
      Orders orders,
      WorkflowClient workflows,
      JdbcTemplate jdbc) {
    this.repository = repository;
    this.orders = orders;
    this.workflows = workflows;
    this.jdbc = jdbc;
  }

  record StuckOrder(
      String orderId, long userId, int productId, OrderState status, StuckStep stuck) {}

  record Resolve(
      @NotBlank(message = "must say why the compensation is resolved by hand")
          @Size(max = 500, message = "must be at most 500 characters")
          String reason) {}

  record Resolved(String orderId, String step, String reason, String resolvedBy, Instant at) {}

  /** Longest stuck first. */
  @ApiResponse(
      responseCode = "200",
      description = "Stuck orders, longest stuck first",
      useReturnTypeSchema = true)
  @GetMapping
  List<StuckOrder> queue() {
    return repository.findByStuckStepNotNullOrderByStuckSince(Limit.of(500)).stream()
        .map(
            order ->
                new StuckOrder(
                    order.orderId(),
                    order.userId(),
                    order.productId(),
                    order.lastKnownStatus().state(),
                    order.stuck()))
        .toList();
  }

  /** 202: the stuck step or compensation is tried again now instead of after its pause. */
  @ApiResponse(
      responseCode = "202",
      description = "The stuck step is tried again now",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "There is no such order")
  @ApiResponse(responseCode = "409", description = "The order is not stuck")
  @PostMapping("/{orderId}/retry")
  ResponseEntity<StuckOrder> retry(@PathVariable @Size(max = 64) String orderId) {
    CustomerOrder order = stuckOrder(orderId);
    try {
      workflow(order).retryStuck();
    } catch (WorkflowException | StatusRuntimeException e) {
      throw unreachable(e);
    }
    return ResponseEntity.accepted()
        .body(
            new StuckOrder(
                orderId,
                order.userId(),
                order.productId(),
                order.lastKnownStatus().state(),
                order.stuck()));
  }

  /**
   * 202: the stuck compensation is taken as done by hand; the saga goes on compensating and the
   * order ends {@code Cancelled}. Who, when and why are kept in {@code stuck_resolution} and in the
   * order's history (its timeline).
   */
  @ApiResponse(
      responseCode = "202",
      description = "The compensation is taken as done by hand; the order ends Cancelled",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "There is no such order")
  @ApiResponse(responseCode = "409", description = "The order is not stuck on a compensation")
  @PostMapping("/{orderId}/resolve")
  ResponseEntity<Resolved> resolve(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Size(max = 64) String orderId,
      @RequestBody @Valid Resolve request) {
    CustomerOrder order = stuckOrder(orderId);
    String staff = token.getClaimAsString("email");
    String reason = request.reason().strip();
    StuckStep resolved;
    try {
      resolved = workflow(order).resolveStuck(new StuckResolution(reason, staff));
    } catch (WorkflowUpdateException refused) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Order " + orderId + " is not stuck on a compensation (any more); nothing to resolve");
    } catch (WorkflowException | StatusRuntimeException e) {
      throw unreachable(e);
    }
    String step = resolved != null ? resolved.step() : order.stuck().step();
    Instant at = Instant.now();
    jdbc.update(
        "insert into stuck_resolution (order_id, step, reason, resolved_by, resolved_at)"
            + " values (?, ?, ?, ?, ?)",
        orderId,
        step,
        reason,
        staff,
        Timestamp.from(at));
    return ResponseEntity.accepted().body(new Resolved(orderId, step, reason, staff, at));
  }

  private CustomerOrder stuckOrder(String orderId) {
    CustomerOrder order = orders.existingOrder(orderId);
    if (order.stuck() == null) {
      throw new ApiException(HttpStatus.CONFLICT, "Order " + orderId + " is not stuck");
    }
    return order;
  }

  private OrderWorkflow workflow(CustomerOrder order) {
    return workflows.newWorkflowStub(
        OrderWorkflow.class, OrderWorkflowIds.workflowId(order.orderId()));
  }

  private static ApiException unreachable(RuntimeException e) {
    return new ApiException(
        HttpStatus.SERVICE_UNAVAILABLE, "The order's workflow could not be reached; retry");
  }
}
