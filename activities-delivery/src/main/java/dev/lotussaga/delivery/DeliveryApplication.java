package dev.lotussaga.delivery;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Couriers, slot bookings and staff acceptance; runs the "delivery" activity worker. */
@SpringBootApplication
public class DeliveryApplication {

  public static void main(String[] args) {
    SpringApplication.run(DeliveryApplication.class, args);
  }
}
