package dev.lotussaga.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScaleSettingsTest {

  @Test
  void namesTheSizesAsTheIssueDoes() {
    assertThat(ScaleSettings.sizeName(1_000)).isEqualTo("1k");
    assertThat(ScaleSettings.sizeName(1_000_000)).isEqualTo("1M");
    assertThat(ScaleSettings.sizeName(20_000)).isEqualTo("20k");
    assertThat(ScaleSettings.sizeName(1_500)).isEqualTo("1500");
  }

  @Test
  void theCrowdOwnsTheLargeSizeInEqualShares() {
    ScaleSettings settings = new ScaleSettings(1_000, 1_000_000, 4, 25, 100, 50, 400, 30);

    assertThat(settings.crowdUsers()).isEqualTo(10_000);
    assertThat(settings.buyersOrders()).isEqualTo(100);
  }

  @Test
  void aBuyersSeededOrderIdIsAUuidAsTheGatewayAcceptsIt() {
    assertThat(ScaleSeed.buyerOrderId(2, 25))
        .isEqualTo("5ca1e000-0002-4000-b000-000000000019")
        .matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
  }
}
