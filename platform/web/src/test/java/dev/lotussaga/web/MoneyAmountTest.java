package dev.lotussaga.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.springframework.web.ErrorResponseException;

class MoneyAmountTest {

  @Test
  void takesAsciiDigitsWithUpToTwoDecimals() {
    assertThat(MoneyAmount.parse("money", "10")).isEqualByComparingTo("10");
    assertThat(MoneyAmount.parse("money", "10.5")).isEqualByComparingTo("10.50");
    assertThat(MoneyAmount.parse("money", "10.50")).isEqualTo(new BigDecimal("10.50"));
    assertThat(MoneyAmount.parse("money", "0.01")).isEqualByComparingTo("0.01");
    assertThat(MoneyAmount.parse("money", "1000000000")).isEqualByComparingTo(MoneyAmount.MAX);
  }

  @Test
  void refusesEverythingElseSayingTheForm() {
    for (String text :
        new String[] {
          "１０",
          "١٢٣",
          "1e3",
          "+10",
          "-5",
          " 10",
          "10 ",
          "1 0",
          ".5",
          "10.",
          "",
          "0",
          "0.00",
          "1.001",
          "1000000000.01",
          "10,5",
          "NaN",
          "0x10",
          "1_000"
        }) {
      assertThatThrownBy(() -> MoneyAmount.parse("money", text))
          .as(text)
          .isInstanceOfSatisfying(
              ErrorResponseException.class,
              refused -> {
                assertThat(refused.getStatusCode().value()).isEqualTo(400);
                assertThat(refused.getBody().getDetail())
                    .isEqualTo("money must be " + MoneyAmount.FORM);
              });
    }
    assertThatThrownBy(() -> MoneyAmount.parse("money", null))
        .isInstanceOf(ErrorResponseException.class);
  }
}
