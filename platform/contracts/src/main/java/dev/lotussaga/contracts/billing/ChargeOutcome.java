package dev.lotussaga.contracts.billing;

public enum ChargeOutcome {
  CHARGED,
  INSUFFICIENT_FUNDS
}
