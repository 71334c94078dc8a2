package dev.lotussaga.codec;

import io.temporal.common.converter.DataConverter;
import io.temporal.spring.boot.TemporalOptionsCustomizer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Gives the Temporal starter's client, and so every worker it starts, the encrypting data
 * converter: the starter takes the one {@code DataConverter} bean (by the name {@code
 * mainDataConverter} when there are several). A service without a key and without {@code
 * LOTUS_PAYLOAD_ENCRYPTION=false} does not start.
 */
@AutoConfiguration
@ConditionalOnClass(TemporalOptionsCustomizer.class)
@EnableConfigurationProperties(PayloadEncryptionProperties.class)
public class PayloadEncryptionAutoConfiguration {

  private static final Logger log =
      LoggerFactory.getLogger(PayloadEncryptionAutoConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  PayloadEncryption payloadEncryption(PayloadEncryptionProperties properties) {
    PayloadEncryption encryption =
        PayloadEncryption.configured(properties.encryption(), properties.keys());
    if (!encryption.encrypts()) {
      log.warn(
          "Temporal payloads are written in plain text ({}=false): order data is readable in"
              + " Temporal's histories",
          PayloadEncryption.SWITCH_VARIABLE);
    }
    return encryption;
  }

  @Bean
  @ConditionalOnMissingBean(name = "mainDataConverter")
  DataConverter mainDataConverter(PayloadEncryption encryption) {
    return encryption.dataConverter();
  }
}
