package dev.lotussaga.gateway.order;

import dev.lotussaga.gateway.system.ApiException;
import io.grpc.StatusRuntimeException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.temporal.client.WorkflowException;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: re-drive now what the periodic sweep would re-drive later, for one order or for all.
 * Nothing happens to an order whose workflow runs or ended by itself.
 */
@ApiResponse(responseCode = "403", description = "This operation is for staff only")
@RestController
@RequestMapping("/admin/orders")
class RedriveController {

  private final Orders orders;
  private final OrderRedrive redrive;
  private final StrandedOrderSweep sweep;

  RedriveController(Orders orders, OrderRedrive redrive, StrandedOrderSweep sweep) {
    this.orders = orders;
    this.redrive = redrive;
    this.sweep = sweep;
  }

  record RedriveOutcome(String orderId, boolean redriven, String reason) {}

  /** 202 when the order got a new run, 200 when its workflow needs none. */
  @ApiResponse(
      responseCode = "200",
      description = "Its workflow runs; nothing to do",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "202",
      description = "Its workflow was gone; the order got a new run",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "404", description = "There is no such order")
  @ApiResponse(
      responseCode = "409",
      description = "The order has no workflow yet; it is started within seconds")
  @PostMapping("/{orderId}/redrive")
  ResponseEntity<RedriveOutcome> redriveOne(@PathVariable @Size(max = 64) String orderId) {
    CustomerOrder order = orders.existingOrder(orderId);
    if (!order.workflowStarted()) {
      throw new ApiException(
          HttpStatus.CONFLICT,
          "Order " + orderId + " has no workflow yet; it is started within seconds");
    }
    String reason;
    try {
      reason = redrive.redriveIfGone(order).orElse(null);
    } catch (StatusRuntimeException | WorkflowException e) {
      throw new ApiException(
          HttpStatus.SERVICE_UNAVAILABLE, "Temporal cannot tell whether the order runs; retry");
    }
    return ResponseEntity.status(reason != null ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(new RedriveOutcome(orderId, reason != null, reason));
  }

  /** Sweeps every order that is not final, as the periodic sweep does. */
  @ApiResponse(
      responseCode = "200",
      description = "What the sweep found and re-drove",
      useReturnTypeSchema = true)
  @PostMapping("/redrive")
  StrandedOrderSweep.Sweep redriveAll() {
    return sweep
        .sweep()
        .orElseThrow(
            () ->
                new ApiException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "A re-drive sweep is running already (here or in another replica); retry"));
  }
}
