package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.profile.throttle.LoginThrottle;
import dev.lotussaga.gateway.security.CurrentUser;
import dev.lotussaga.gateway.session.RevocationReason;
import dev.lotussaga.gateway.session.Sessions;
import dev.lotussaga.gateway.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A password change revokes every session of the account, the caller's too, and answers a fresh
 * login: whoever may have learnt the old password or holds an old token is out.
 */
@RestController
class PasswordController {

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final Sessions sessions;
  private final Logins logins;
  private final LoginThrottle throttle;

  PasswordController(
      UserAccountRepository users,
      PasswordEncoder passwords,
      Sessions sessions,
      Logins logins,
      LoginThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.sessions = sessions;
    this.logins = logins;
    this.throttle = throttle;
  }

  /** A wrong current password is a 403, and counts as a failed login of the account. */
  @ApiResponse(
      responseCode = "200",
      description = "Changed; every other session is revoked and a new one starts",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "The current password is wrong")
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many failed logins for this account or address; Retry-After says when to try again")
  @PutMapping("/profile/password")
  @Transactional
  LoggedIn change(
      @AuthenticationPrincipal Jwt token,
      @Valid @RequestBody PasswordChange change,
      HttpServletRequest request) {
    PasswordRules.requireBcryptLength("newPassword", change.newPassword());
    UserAccount user =
        users
            .findById(CurrentUser.of(token).id())
            .orElseThrow(() -> new ApiException(HttpStatus.UNAUTHORIZED, "No such account"));
    try (LoginThrottle.Attempt attempt = throttle.begin(user.email(), request.getRemoteAddr())) {
      if (!passwords.matches(change.currentPassword(), user.passwordHash())) {
        attempt.failed();
        throw new ApiException(HttpStatus.FORBIDDEN, "The current password is wrong");
      }
      attempt.succeeded();
    }
    user.changePassword(passwords.encode(change.newPassword()));
    sessions.revokeAllOf(user.id(), RevocationReason.PASSWORD_CHANGED);
    return logins.start(user);
  }

  record PasswordChange(
      @NotBlank @Size(max = 72) String currentPassword,
      @NotBlank @Size(min = 8, max = 72) String newPassword) {}
}
