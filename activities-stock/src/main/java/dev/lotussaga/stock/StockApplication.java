package dev.lotussaga.stock;

import dev.lotussaga.contracts.order.OrderWorkflow;
import dev.lotussaga.signals.SignalOutbox;
import dev.lotussaga.signals.WaitingLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/** Units in stock and their reservations; runs the "stock" activity worker and an internal API. */
@SpringBootApplication
public class StockApplication {

  public static void main(String[] args) {
    SpringApplication.run(StockApplication.class, args);
  }

  /** Orders waiting for units of a product, one line per product. */
  @Bean
  WaitingLine stockWaitingLine(JdbcTemplate jdbc, SignalOutbox outbox) {
    return new WaitingLine(jdbc, outbox, OrderWorkflow.SIGNAL_STOCK_ADDED);
  }
}
