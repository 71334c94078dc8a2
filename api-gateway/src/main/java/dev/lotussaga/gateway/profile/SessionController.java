package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.profile.throttle.LoginThrottle;
import dev.lotussaga.gateway.security.TokenIssuer;
import dev.lotussaga.gateway.session.RefreshRefused;
import dev.lotussaga.gateway.session.RevocationReason;
import dev.lotussaga.gateway.session.Sessions;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Renewing a session with its refresh token, and ending it. */
@RestController
@RequestMapping("/profile")
class SessionController {

  private final Logins logins;
  private final Sessions sessions;
  private final LoginThrottle throttle;

  SessionController(Logins logins, Sessions sessions, LoginThrottle throttle) {
    this.logins = logins;
    this.sessions = sessions;
    this.throttle = throttle;
  }

  /**
   * A new access token and a new refresh token; the one presented is used up. Refused refreshes
   * count against the client address as failed logins do.
   */
  @SecurityRequirements // open to anyone
  @ApiResponse(
      responseCode = "200",
      description = "A new access token and refresh token; the one presented is used up",
      useReturnTypeSchema = true)
  @ApiResponse(
      responseCode = "401",
      description = "The refresh token is unknown, used up, expired or revoked")
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many refused refreshes from this address; Retry-After says when to try again")
  @ApiResponse(responseCode = "503", description = "The database is unavailable; retry")
  @PostMapping("/refresh")
  LoggedIn refresh(@Valid @RequestBody Refresh refresh, HttpServletRequest request) {
    try (LoginThrottle.Attempt attempt = throttle.begin(request.getRemoteAddr())) {
      try {
        LoggedIn renewed = logins.renew(refresh.refreshToken());
        attempt.succeeded();
        return renewed;
      } catch (RefreshRefused refused) {
        attempt.failed();
        throw refused;
      }
    }
  }

  /** Revokes the caller's session: its refresh token and its access tokens stop working at once. */
  @ApiResponse(responseCode = "204", description = "The session is revoked")
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
    UUID session = UUID.fromString(token.getClaimAsString(TokenIssuer.SESSION_CLAIM));
    sessions.revoke(session, RevocationReason.LOGOUT);
    return ResponseEntity.noContent().build();
  }

  record Refresh(@NotBlank @Size(max = 100) String refreshToken) {}
}
