package dev.lotussaga.codec;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

class PayloadEncryptionAutoConfigurationTest {

  private final ApplicationContextRunner services =
      new ApplicationContextRunner()
          .withConfiguration(AutoConfigurations.of(PayloadEncryptionAutoConfiguration.class));

  @Test
  void givesTheTemporalStarterAnEncryptingDataConverter() {
    services
        .withPropertyValues(
            "lotus.payload.keys=" + PayloadEncryptionTest.list(PayloadEncryptionTest.key("k1")))
        .run(
            context -> {
              assertThat(context.getBean("mainDataConverter", DataConverter.class))
                  .isInstanceOf(CodecDataConverter.class);
              assertThat(context.getBean(PayloadEncryption.class).encrypts()).isTrue();
            });
  }

  @Test
  void aServiceWithoutAKeyDoesNotStart() {
    services
        .withPropertyValues("lotus.payload.keys=")
        .run(
            context ->
                assertThat(context)
                    .getFailure()
                    .rootCause()
                    .hasMessageContaining("no key is configured"));
  }

  @Test
  void switchedOffExplicitlyItWritesPlainPayloads() {
    services
        .withPropertyValues("lotus.payload.keys=", "lotus.payload.encryption=false")
        .run(
            context -> {
              assertThat(context).hasNotFailed();
              assertThat(context.getBean("mainDataConverter", DataConverter.class))
                  .isNotInstanceOf(CodecDataConverter.class);
            });
  }
}
