package dev.lotussaga.contracts.stock;

public enum ReservationOutcome {
  RESERVED,
  OUT_OF_STOCK
}
