package dev.lotussaga.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DriverLedgerTest {

  private final DriverLedger meant = new DriverLedger();

  @Test
  void depositsMustBeTheTopUpsMeantEachOnce() {
    meant.toppedUp(7, new BigDecimal("600"), true);
    meant.toppedUp(7, new BigDecimal("100"), true);
    meant.toppedUp(8, new BigDecimal("600"), true);

    assertThat(meant.buyers()).isEqualTo(2);
    assertThat(meant.offendingBuyers(Map.of(7L, money("700.00"), 8L, money("600.00")))).isEmpty();
    assertThat(meant.offendingBuyers(Map.of(7L, money("800.00"), 8L, money("600.00"))))
        .as("a retried top-up applied twice")
        .singleElement()
        .extracting(row -> row.get("user_id"))
        .isEqualTo(7L);
    assertThat(meant.offendingBuyers(Map.of(7L, money("700.00")))).hasSize(1);
  }

  @Test
  void aTopUpGivenUpOnMayOrMayNotHaveTakenEffect() {
    meant.toppedUp(7, new BigDecimal("600"), true);
    meant.toppedUp(7, new BigDecimal("100"), false);

    assertThat(meant.offendingBuyers(Map.of(7L, money("600")))).isEmpty();
    assertThat(meant.offendingBuyers(Map.of(7L, money("700")))).isEmpty();
    assertThat(meant.offendingBuyers(Map.of(7L, money("800")))).hasSize(1);
  }

  @Test
  void additionsMustBeTheArrivalsMeantAndNoneElse() {
    meant.addedStock(2, 1, true);
    meant.addedStock(2, 1, true);

    assertThat(meant.products()).isEqualTo(1);
    assertThat(meant.offendingProducts(Map.of(2, 2L))).isEmpty();
    assertThat(meant.offendingProducts(Map.of(2, 3L))).hasSize(1);
    assertThat(meant.offendingProducts(Map.of(2, 2L, 3, 1L)))
        .as("nobody but the driver adds stock")
        .singleElement()
        .extracting(row -> row.get("product_id"))
        .isEqualTo(3);
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }
}
