package dev.lotussaga.gateway.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Makes refresh tokens (256 random bits, base64url) and the SHA-256 under which they are kept. */
final class RefreshSecret {

  private static final SecureRandom RANDOM = new SecureRandom();

  private RefreshSecret() {}

  static String newToken() {
    byte[] bits = new byte[32];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }

  /**
   * A plain hash is enough: the token is random and as long as the hash, so nothing can be guessed
   * from it, and a slow hash would only slow every refresh down.
   */
  static String hashOf(String token) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
