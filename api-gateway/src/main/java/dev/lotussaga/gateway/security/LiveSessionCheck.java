package dev.lotussaga.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.session.LiveSessions;
import dev.lotussaga.gateway.system.DatabaseOutage;
import dev.lotussaga.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses an access token whose session was revoked (logout, password or role change, a reused
 * refresh token) or that names no session (issued before sessions existed). Runs right after the
 * token was verified, as a filter rather than a token validator so that a database that is away is
 * a 503 to retry, not a 401 that would log the caller out.
 */
final class LiveSessionCheck extends OncePerRequestFilter {

  private final LiveSessions sessions;
  private final ObjectMapper json;

  LiveSessionCheck(LiveSessions sessions, ObjectMapper json) {
    this.sessions = sessions;
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!(SecurityContextHolder.getContext().getAuthentication()
        instanceof JwtAuthenticationToken authentication)) {
      chain.doFilter(request, response);
      return;
    }
    UUID sessionId = sessionOf(authentication.getToken());
    boolean live;
    try {
      live = sessionId != null && sessions.isLive(sessionId);
    } catch (RuntimeException e) {
      if (!DatabaseOutage.causedBy(e)) {
        throw e;
      }
      response.setHeader(HttpHeaders.RETRY_AFTER, "5");
      ProblemJson.write(
          json,
          request,
          response,
          HttpStatus.SERVICE_UNAVAILABLE,
          "The database is unavailable for a moment; please retry");
      return;
    }
    if (!live) {
      SecurityContextHolder.clearContext();
      response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
      ProblemJson.write(
          json,
          request,
          response,
          HttpStatus.UNAUTHORIZED,
          sessionId == null
              ? "This token belongs to no session; log in again"
              : "The session of this token has ended; log in again");
      return;
    }
    chain.doFilter(request, response);
  }

  private static UUID sessionOf(Jwt token) {
    try {
      String sid = token.getClaimAsString(TokenIssuer.SESSION_CLAIM);
      return sid == null ? null : UUID.fromString(sid);
    } catch (IllegalArgumentException notAUuid) {
      return null;
    }
  }
}
