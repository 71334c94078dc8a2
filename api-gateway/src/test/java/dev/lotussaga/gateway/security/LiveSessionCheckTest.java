package dev.lotussaga.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.session.LiveSessions;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.transaction.CannotCreateTransactionException;

/** What the session check answers when it cannot ask: the database away is no reason to log out. */
class LiveSessionCheckTest {

  private final LiveSessions sessions = mock(LiveSessions.class);
  private final LiveSessionCheck check = new LiveSessionCheck(sessions, new ObjectMapper());

  @AfterEach
  void forgetTheCaller() {
    SecurityContextHolder.clearContext();
  }

  @Test
  void aDatabaseThatIsAwayIsA503ToRetry() throws Exception {
    when(sessions.isLive(any())).thenThrow(new CannotCreateTransactionException("no connection"));
    MockHttpServletResponse response = filter(UUID.randomUUID().toString());

    assertThat(response.getStatus()).isEqualTo(503);
    assertThat(response.getHeader("Retry-After")).isEqualTo("5");
    assertThat(response.getContentType()).isEqualTo("application/problem+json");
  }

  @Test
  void aLiveSessionPassesAndARevokedOneIsA401() throws Exception {
    UUID live = UUID.randomUUID();
    when(sessions.isLive(live)).thenReturn(true);

    assertThat(filter(live.toString()).getStatus()).isEqualTo(200);
    MockHttpServletResponse refused = filter(UUID.randomUUID().toString());
    assertThat(refused.getStatus()).isEqualTo(401);
    assertThat(refused.getHeader("WWW-Authenticate")).startsWith("Bearer");
  }

  private MockHttpServletResponse filter(String sessionId) throws Exception {
    Jwt token =
        Jwt.withTokenValue("t")
            .header("alg", "RS256")
            .subject("1")
            .claim(TokenIssuer.SESSION_CLAIM, sessionId)
            .issuedAt(Instant.now())
            .build();
    SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token));
    MockHttpServletResponse response = new MockHttpServletResponse();
    check.doFilter(new MockHttpServletRequest("GET", "/order"), response, new MockFilterChain());
    return response;
  }
}
