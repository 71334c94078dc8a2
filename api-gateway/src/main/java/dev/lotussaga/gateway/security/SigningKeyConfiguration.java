package dev.lotussaga.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.text.ParseException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SigningKeyConfiguration {

  private static final Logger log = LoggerFactory.getLogger(SigningKeyConfiguration.class);

  @Bean
  RSAKey signingKey(JwtProperties properties) throws JOSEException, ParseException {
    if (properties.signingJwk() == null || properties.signingJwk().isBlank()) {
      log.warn(
          "No LOTUS_JWT_SIGNING_JWK configured: generated a key for this run only (local use)");
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    }
    RSAKey key = RSAKey.parse(properties.signingJwk());
    if (!key.isPrivate()) {
      throw new IllegalStateException("LOTUS_JWT_SIGNING_JWK must hold a private RSA key");
    }
    return key;
  }
}
