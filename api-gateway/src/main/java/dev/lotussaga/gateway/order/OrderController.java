package dev.lotussaga.gateway.order;

import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.security.CurrentUser;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/order")
class OrderController {

  private final OrderPlacement placement;
  private final Orders orders;
  private final CustomerOrderRepository repository;
  private final OrderReader reader;
  private final OrderCancellation cancellation;

  OrderController(
      OrderPlacement placement,
      Orders orders,
      CustomerOrderRepository repository,
      OrderReader reader,
      OrderCancellation cancellation) {
    this.placement = placement;
    this.orders = orders;
    this.repository = repository;
    this.reader = reader;
    this.cancellation = cancellation;
  }

  /** 202 for a new order (its saga runs on), 200 when an Idempotency-Key names an earlier one. */
  @ApiResponse(
      responseCode = "200",
      description = "The Idempotency-Key names an earlier order of the caller",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "202",
      description = "Placed; its saga runs on (Location names the order)",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "422",
      description = "The Idempotency-Key was used for an order of another product")
  @PostMapping("/place")
  ResponseEntity<PlacedOrder> place(
      @AuthenticationPrincipal Jwt token,
      @RequestParam int idSubscription,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
          String idempotencyKey) {
    var placed = placement.place(CurrentUser.of(token).id(), idSubscription, idempotencyKey);
    CustomerOrder order = placed.order();
    return ResponseEntity.status(placed.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(URI.create("/order/" + order.orderId()))
        .body(new PlacedOrder(order.orderId(), order.lastKnownStatus().state()));
  }

  @ApiResponse(
      responseCode = "200",
      description = "The order and where its saga stands",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "There is no such order, or it is not the caller's")
  @GetMapping("/{orderId}")
  OrderView order(
      @AuthenticationPrincipal Jwt token, @PathVariable @Size(max = 64) String orderId) {
    return reader.read(orders.visibleTo(CurrentUser.of(token), orderId));
  }

  /**
   * The owner or staff cancel an order that is still waiting: 202 while its compensations run, 200
   * if it was cancelled before, 409 once it is handed to delivery.
   */
  @ApiResponse(
      responseCode = "200",
      description = "It was cancelled before",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "202",
      description = "Cancelling: its compensations run",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "404",
      description = "There is no such order, or it is not the caller's")
  @ApiResponse(
      responseCode = "409",
      description = "The order is handed to delivery and can no longer be cancelled")
  @PostMapping("/{orderId}/cancel")
  ResponseEntity<OrderView> cancel(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Size(max = 64) String orderId,
      @RequestBody(required = false) @Valid CancelRequest request) {
    CustomerOrder order = orders.visibleTo(CurrentUser.of(token), orderId);
    String reason = request == null ? null : request.reason();
    var outcome = cancellation.cancel(order, reason);
    return ResponseEntity.status(outcome.accepted() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .body(outcome.order());
  }

  record CancelRequest(@Size(max = 500) String reason) {}

  /**
   * The caller's orders (staff: everyone's), newest first, at most {@code limit}, with the last
   * state the gateway saw.
   */
  @GetMapping
  List<OrderSummary> list(
      @AuthenticationPrincipal Jwt token,
      @RequestParam(defaultValue = "100")
          @Min(value = 1, message = "must be between 1 and 100")
          @Max(value = 100, message = "must be between 1 and 100")
          int limit) {
    CurrentUser caller = CurrentUser.of(token);
    List<CustomerOrder> found =
        caller.staff()
            ? repository.findAllByOrderByCreatedAtDesc(Limit.of(limit))
            : repository.findByUserIdOrderByCreatedAtDesc(caller.id(), Limit.of(limit));
    return found.stream().map(OrderSummary::of).toList();
  }

  record PlacedOrder(String orderId, OrderState status) {}

  record OrderSummary(
      String orderId,
      int productId,
      BigDecimal price,
      OrderState status,
      WaitingFor waitingFor,
      Instant createdAt) {

    static OrderSummary of(CustomerOrder order) {
      return new OrderSummary(
          order.orderId(),
          order.productId(),
          order.price(),
          order.lastKnownStatus().state(),
          order.lastKnownStatus().waitingFor(),
          order.createdAt());
    }
  }
}
