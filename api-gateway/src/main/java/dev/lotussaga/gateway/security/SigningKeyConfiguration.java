package dev.lotussaga.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

  /**
   * Without configured keys, a key for this run only: fine for a test, wrong for a cluster, where
   * each replica would sign with its own key and refuse the others' tokens; the chart sets {@code
   * require-key} so that the gateway refuses to start instead.
   */
  @Bean
  SigningKeys signingKeys(JwtProperties properties) throws JOSEException, ParseException {
    String configured = properties.signingJwks();
    if (configured != null && !configured.isBlank()) {
      SigningKeys keys = SigningKeys.parse(configured);
      log.info("Signing tokens with key {}", keys.signing().getKeyID());
      return keys;
    }
    if (properties.requireKey()) {
      throw new IllegalStateException(
          "No signing key: set LOTUS_JWT_SIGNING_JWKS to a JWK set of private RSA keys"
              + " (docs/api.md \"Keys and their rotation\")");
    }
    log.warn(
        "No LOTUS_JWT_SIGNING_JWKS configured: generated a key for this run only (local use;"
            + " ./lotus up keeps one under .lotus/)");
    return new SigningKeys(
        List.of(new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate()));
  }
}
