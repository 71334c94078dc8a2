package dev.lotussaga.gateway.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The gateway's RSA keys: the first signs, every one verifies (by the token's {@code kid}), so that
 * tokens signed by a key being rotated out stay valid until that key is removed.
 */
public final class SigningKeys {

  private final List<RSAKey> keys;
  private final RSASSASigner signer;

  SigningKeys(List<RSAKey> keys) {
    if (keys.isEmpty()) {
      throw new IllegalArgumentException("The JWK set holds no key");
    }
    Set<String> ids = new HashSet<>();
    for (RSAKey key : keys) {
      if (!key.isPrivate()) {
        throw new IllegalArgumentException("Key " + key.getKeyID() + " has no private part");
      }
      if (key.getKeyID() == null || !ids.add(key.getKeyID())) {
        throw new IllegalArgumentException("Every key needs a key id (kid) of its own");
      }
    }
    this.keys = List.copyOf(keys);
    try {
      this.signer = new RSASSASigner(signing());
    } catch (JOSEException e) {
      throw new IllegalArgumentException("Key " + signing().getKeyID() + " cannot sign", e);
    }
  }

  /** A JWK set, or a single JWK (the form of the earlier LOTUS_JWT_SIGNING_JWK). */
  static SigningKeys parse(String json) throws java.text.ParseException {
    if (json.contains("\"keys\"")) {
      JWKSet set = JWKSet.parse(json);
      return new SigningKeys(
          set.getKeys().stream()
              .map(
                  key -> {
                    if (!(key instanceof RSAKey rsa)) {
                      throw new IllegalArgumentException(
                          "Key " + key.getKeyID() + " is not an RSA key");
                    }
                    return rsa;
                  })
              .toList());
    }
    JWK key = JWK.parse(json);
    if (!(key instanceof RSAKey rsa)) {
      throw new IllegalArgumentException("The key is not an RSA key");
    }
    return new SigningKeys(List.of(rsa));
  }

  RSAKey signing() {
    return keys.get(0);
  }

  /** RS256 with the newest key, named in the header so that verifiers pick the right one. */
  String sign(JWTClaimsSet claims) {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signing().getKeyID()).build(), claims);
    try {
      jwt.sign(signer);
    } catch (JOSEException e) {
      throw new IllegalStateException("Could not sign a token with " + signing().getKeyID(), e);
    }
    return jwt.serialize();
  }

  JWKSet publicSet() {
    return new JWKSet(keys.stream().map(key -> (JWK) key.toPublicJWK()).toList());
  }
}
