package dev.lotussaga.gateway.edge;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.web.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a Content-Type that is not one concrete media type (415). Spring MVC would otherwise fail
 * on it deep inside body reading, where a wildcard type is an illegal argument, not bad input.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 15)
class ContentTypeCheck extends OncePerRequestFilter {

  private final ObjectMapper json;

  ContentTypeCheck(ObjectMapper json) {
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String contentType = request.getContentType();
    if (contentType == null || isConcrete(contentType)) {
      chain.doFilter(request, response);
      return;
    }
    ProblemJson.write(
        json,
        request,
        response,
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "Content-Type must be one concrete media type, such as application/json");
  }

  private static boolean isConcrete(String contentType) {
    try {
      return MediaType.parseMediaType(contentType).isConcrete();
    } catch (InvalidMediaTypeException unparseable) {
      return false;
    }
  }
}
