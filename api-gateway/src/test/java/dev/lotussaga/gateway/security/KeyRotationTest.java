package dev.lotussaga.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * The rotation recipe of docs/api.md, step by step: a token signed by the old key stays valid while
 * the old key is in the set, and only until it is removed.
 */
class KeyRotationTest {

  private static final JwtProperties PROPERTIES =
      new JwtProperties(
          "lotus-saga",
          "lotus-saga-api",
          Duration.ofMinutes(15),
          null,
          false,
          Duration.ofSeconds(60));

  private final RSAKey oldKey = key("2026-11");
  private final RSAKey newKey = key("2026-12");

  @Test
  void theOldKeysTokensStayValidUntilTheOldKeyIsRemoved() throws Exception {
    String signedByOld =
        issuer(List.of(oldKey)).issue(7, "a@b.c", "USER", UUID.randomUUID()).value();

    SigningKeys announced = new SigningKeys(List.of(oldKey, newKey));
    assertThat(decoder(announced).decode(signedByOld).getSubject()).isEqualTo("7");
    assertThat(
            kidOf(
                issuer(List.of(oldKey, newKey))
                    .issue(7, "a@b.c", "USER", UUID.randomUUID())
                    .value()))
        .as("a key added at the end only verifies")
        .isEqualTo("2026-11");

    SigningKeys switched = new SigningKeys(List.of(newKey, oldKey));
    String signedByNew =
        issuer(List.of(newKey, oldKey)).issue(7, "a@b.c", "USER", UUID.randomUUID()).value();
    assertThat(kidOf(signedByNew)).isEqualTo("2026-12");
    assertThat(decoder(switched).decode(signedByOld).getSubject()).isEqualTo("7");
    assertThat(decoder(switched).decode(signedByNew).getSubject()).isEqualTo("7");

    SigningKeys retired = new SigningKeys(List.of(newKey));
    assertThat(decoder(retired).decode(signedByNew).getSubject()).isEqualTo("7");
    assertThatThrownBy(() -> decoder(retired).decode(signedByOld)).isInstanceOf(JwtException.class);
  }

  @Test
  void theJwkSetPublishesThePublicHalfOfEveryKey() {
    JWKSet published = new SigningKeys(List.of(newKey, oldKey)).publicSet();

    assertThat(published.getKeys()).extracting(JWK::getKeyID).containsExactly("2026-12", "2026-11");
    assertThat(published.getKeys()).noneMatch(JWK::isPrivate);
  }

  @Test
  void readsASetOrTheEarlierSingleKey() throws Exception {
    assertThat(SigningKeys.parse(new JWKSet(List.of(newKey, oldKey)).toString(false)).signing())
        .isEqualTo(newKey);
    assertThat(SigningKeys.parse(oldKey.toJSONString()).signing()).isEqualTo(oldKey);
  }

  @Test
  void refusesKeysThatCannotSignOrShareAnId() {
    assertThatThrownBy(() -> SigningKeys.parse(new JWKSet(oldKey.toPublicJWK()).toString(false)))
        .hasMessageContaining("no private part");
    assertThatThrownBy(() -> new SigningKeys(List.of(oldKey, key("2026-11"))))
        .hasMessageContaining("key id");
    assertThatThrownBy(() -> new SigningKeys(List.of())).hasMessageContaining("no key");
  }

  @Test
  void refusesToStartWithoutAKeyWhenOneIsRequired() {
    JwtProperties required =
        new JwtProperties(
            "lotus-saga",
            "lotus-saga-api",
            Duration.ofMinutes(15),
            " ",
            true,
            Duration.ofMinutes(1));

    assertThatThrownBy(() -> new SigningKeyConfiguration().signingKeys(required))
        .hasMessageContaining("LOTUS_JWT_SIGNING_JWKS");
  }

  private static TokenIssuer issuer(List<RSAKey> keys) throws Exception {
    return new TokenIssuer(new SigningKeys(keys), PROPERTIES);
  }

  private static JwtDecoder decoder(SigningKeys keys) {
    return new SecurityConfiguration().jwtDecoder(keys, PROPERTIES);
  }

  private static String kidOf(String token) throws Exception {
    return SignedJWT.parse(token).getHeader().getKeyID();
  }

  private static RSAKey key(String id) {
    try {
      return new RSAKeyGenerator(2048).keyID(id).generate();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
