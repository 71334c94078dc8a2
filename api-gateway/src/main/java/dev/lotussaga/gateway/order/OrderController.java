package dev.lotussaga.gateway.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lotussaga.contracts.order.OrderState;
import dev.lotussaga.contracts.order.OrderStatus;
import dev.lotussaga.contracts.order.WaitingFor;
import dev.lotussaga.gateway.billing.Balances;
import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.system.ApiException;
import io.swagger.v3.oas.annotations.Parameter;
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
import java.util.Optional;
import org.springframework.data.domain.Limit;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
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
  private final OrderSlotChange slotChange;
  private final Balances balances;

  OrderController(
      OrderPlacement placement,
      Orders orders,
      CustomerOrderRepository repository,
      OrderReader reader,
      OrderCancellation cancellation,
      OrderSlotChange slotChange,
      Balances balances) {
    this.placement = placement;
    this.orders = orders;
    this.repository = repository;
    this.reader = reader;
    this.cancellation = cancellation;
    this.slotChange = slotChange;
    this.balances = balances;
  }

  /**
   * 202 for a new order (its saga runs on), 200 when an Idempotency-Key names an earlier one. With
   * {@code Prefer: wait=N} (RFC 7240, 1 to 10 seconds) the order starts together with an update
   * that answers once the charge was tried: 201 with the status (paid: {@code ValidatingStock};
   * short of money: {@code ValidatingBilling}, {@code waitingFor: FUNDS} and how much is missing),
   * the same answer for a retry with the same Idempotency-Key; no answer within N seconds: 202 or
   * 200 as without the header.
   */
  @ApiResponse(
      responseCode = "201",
      description =
          "Prefer: wait=N was given and the charge was tried within N seconds: paid, or waiting for"
              + " funds with the amount missing",
      useReturnTypeSchema = true)
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
      @Parameter(
              description =
                  "The delivery slot the buyer chose (its start, e.g. 2026-12-02T10:00:00Z, from GET"
                      + " /delivery/slots); without it the earliest free one")
          @RequestParam(required = false)
          String slot,
      @RequestHeader(name = "Idempotency-Key", required = false)
          @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
          @Pattern(regexp = "[\\x21-\\x7E]+", message = "must be printable ASCII without spaces")
          String idempotencyKey,
      @Parameter(description = "wait=N (1 to 10 seconds): answer with the payment (RFC 7240)")
          @RequestHeader(name = "Prefer", required = false)
          String prefer) {
    Optional<PaymentWait> wait = PaymentWait.from(prefer);
    Instant deliverySlot = ChosenSlot.parse(slot, Instant.now());
    var placed =
        placement.place(
            CurrentUser.of(token).id(), idSubscription, deliverySlot, idempotencyKey, wait);
    CustomerOrder order = placed.order();
    URI location = URI.create("/order/" + order.orderId());
    if (placed.payment().isPresent()) {
      OrderStatus payment = placed.payment().get();
      return ResponseEntity.status(HttpStatus.CREATED)
          .location(location)
          .header("Preference-Applied", wait.get().applied())
          .body(
              new PlacedOrder(
                  order.orderId(),
                  payment.state(),
                  payment.waitingFor(),
                  payment.waitingFor() == WaitingFor.FUNDS ? missing(token, order) : null));
    }
    return ResponseEntity.status(placed.created() ? HttpStatus.ACCEPTED : HttpStatus.OK)
        .location(location)
        .body(new PlacedOrder(order.orderId(), order.lastKnownStatus().state(), null, null));
  }

  /**
   * What the buyer must top up for the order to go on: its price, and before it the buyer's earlier
   * orders waiting for funds (billing pays them first come, first served), less the balance;
   * unknown while billing does not answer.
   */
  private BigDecimal missing(Jwt token, CustomerOrder order) {
    BigDecimal needed =
        order
            .price()
            .add(repository.fundsAwaitedBefore(order.userId(), order.createdAt(), order.orderId()));
    try {
      return needed.subtract(balances.of(token)).max(BigDecimal.ZERO);
    } catch (ApiException billingAway) {
      return null;
    }
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
   * The owner or staff choose another delivery slot for an order whose courier is not booked yet;
   * an order waiting for a courier tries it at once.
   */
  @ApiResponse(
      responseCode = "200",
      description = "The order now books this slot",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "400", description = "Not a slot that can be booked")
  @ApiResponse(
      responseCode = "404",
      description = "There is no such order, or it is not the caller's")
  @ApiResponse(
      responseCode = "409",
      description = "The courier is booked already, the order is cancelled, or it is being booked")
  @PutMapping("/{orderId}/slot")
  OrderView chooseSlot(
      @AuthenticationPrincipal Jwt token,
      @PathVariable @Size(max = 64) String orderId,
      @Parameter(description = "The slot's start, e.g. 2026-12-02T10:00:00Z") @RequestParam
          String slot) {
    CustomerOrder order = orders.visibleTo(CurrentUser.of(token), orderId);
    Instant chosen = ChosenSlot.parse(slot, Instant.now());
    if (chosen == null) {
      throw new ApiException(HttpStatus.BAD_REQUEST, "slot must name a slot's start");
    }
    return slotChange.choose(order, chosen);
  }

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

  /** {@code waitingFor} and {@code missing} only in an answer with the payment. */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  record PlacedOrder(
      String orderId, OrderState status, WaitingFor waitingFor, BigDecimal missing) {}

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
