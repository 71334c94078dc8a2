package dev.lotussaga.billing;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.signals.SignalOutbox;
import dev.lotussaga.signals.WaitingLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Balances and order charges; runs the "billing" activity worker and an internal HTTP API. */
@SpringBootApplication
public class BillingApplication {

  public static void main(String[] args) {
    SpringApplication.run(BillingApplication.class, args);
  }

  /** Orders waiting for their buyer's balance to grow, one line per buyer. */
  @Bean
  WaitingLine fundsWaitingLine(JdbcTemplate jdbc, SignalOutbox outbox) {
    return new WaitingLine(jdbc, outbox, OrderWorkflow.SIGNAL_FUNDS_ADDED);
  }
}
