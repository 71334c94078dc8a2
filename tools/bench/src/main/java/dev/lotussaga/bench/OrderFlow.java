package dev.lotussaga.bench;

import java.util.concurrent.CompletableFuture;

/** One side of the comparison: how an order is placed, and how its end is seen. */
interface OrderFlow {

  /** Places one order for the {@code buyer}-th buyer; its id, or an exception saying why not. */
  String place(int buyer) throws Exception;

  /** Completes with System.nanoTime() of the moment the order was seen finished. */
  CompletableFuture<Long> finished(String orderId);

  /** Stops following an order given up on. */
  void forget(String orderId);
}
