package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.system.ApiException;
import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpStatus;

/** What a new password must be beyond its 8 to 72 characters, checked where it is chosen. */
final class PasswordRules {

  private static final int BCRYPT_MAX_BYTES = 72;

  private PasswordRules() {}

  /** bcrypt reads at most 72 bytes; 72 characters of non-ASCII text are more than that. */
  static void requireBcryptLength(String field, String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          field + " must be at most " + BCRYPT_MAX_BYTES + " bytes (UTF-8)");
    }
  }
}
