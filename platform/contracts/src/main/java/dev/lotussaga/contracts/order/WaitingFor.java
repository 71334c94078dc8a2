package dev.lotussaga.contracts.order;

/** What a stopped order waits for before it tries its current step again. */
public enum WaitingFor {
  FUNDS,
  STOCK,
  COURIER
}
