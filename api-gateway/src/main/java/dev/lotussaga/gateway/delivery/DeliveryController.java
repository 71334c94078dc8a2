package dev.lotussaga.gateway.delivery;

import dev.lotussaga.gateway.order.Orders;
import dev.lotussaga.gateway.system.Downstream;
import dev.lotussaga.gateway.system.ServiceUrls;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
@RequestMapping("/delivery")
class DeliveryController {

  private final Orders orders;
  private final Downstream delivery;

  DeliveryController(Orders orders, ServiceUrls urls, RestClient.Builder http) {
    this.orders = orders;
    this.delivery = new Downstream("delivery", urls.delivery(), http);
  }

  /** STAFF only; 409 (from delivery) when the order does not wait for acceptance. */
  @PutMapping("/accept")
  Accepted accept(@RequestParam @Size(max = 64) String idOrder) {
    String orderId = orders.existing(idOrder);
    return delivery.call(
        client ->
            client
                .post()
                .uri("/internal/acceptances/{orderId}", orderId)
                .retrieve()
                .body(Accepted.class));
  }

  record Accepted(String orderId, Instant acceptedAt) {}
}
