package dev.lotussaga.gateway.edge;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The headers every answer carries, set before anything else runs so that early refusals (413, 401)
 * carry them too. The API serves JSON only: nothing may be sniffed as HTML, framed, cached, or load
 * anything. The pages, the timeline under /ui and Swagger UI under /swagger-ui, may load their own
 * scripts, style sheets and images and call the API of the same origin, nothing else (no CDN).
 * Spring Security's own header writer is off, so these are written in one place.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class SecurityHeaders extends OncePerRequestFilter {

  static final Map<String, String> HEADERS =
      Map.of(
          "X-Content-Type-Options", "nosniff",
          "Cache-Control", "no-store",
          "X-Frame-Options", "DENY",
          "Referrer-Policy", "no-referrer",
          "Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");

  static final String PAGE_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self';"
          + " img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  /** Also when Tomcat forwards an error it raised itself (for example 405 for TRACE). */
  @Override
  protected boolean shouldNotFilterErrorDispatch() {
    return false;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    HEADERS.forEach(response::setHeader);
    if (isPage(request.getRequestURI())) {
      response.setHeader("Content-Security-Policy", PAGE_POLICY);
    }
    chain.doFilter(request, response);
  }

  private static boolean isPage(String path) {
    return path.equals("/ui") || path.startsWith("/ui/") || path.startsWith("/swagger-ui/");
  }
}
