package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.profile.throttle.LoginThrottle;
import dev.lotussaga.gateway.security.TokenIssuer;
import dev.lotussaga.gateway.session.RefreshRefused;
import dev.lotussaga.gateway.session.RevocationReason;
import dev.lotussaga.gateway.session.Sessions;
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
  @PostMapping("/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt token) {
    UUID session = UUID.fromString(token.getClaimAsString(TokenIssuer.SESSION_CLAIM));
    sessions.revoke(session, RevocationReason.LOGOUT);
    return ResponseEntity.noContent().build();
  }

  record Refresh(@NotBlank @Size(max = 100) String refreshToken) {}
}
