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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request bodies over the limit with 413, whether the client declared the length or sends
 * the body in chunks. A body within the limit is read here, before anything else, so that no later
 * reader (Jackson, Spring's form filter) can be made to buffer more than the limit.
 *
 * <p>POSTed forms are left to Tomcat, which parses them itself for request parameters, under {@code
 * server.tomcat.max-http-form-post-size} (set to the same limit).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
class RequestBodyLimit extends OncePerRequestFilter {

  private final long limit;
  private final ObjectMapper json;

  RequestBodyLimit(EdgeProperties properties, ObjectMapper json) {
    this.limit = properties.maxRequestBody().toBytes();
    this.json = json;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getContentLengthLong() > limit) {
      refuse(request, response);
      return;
    }
    if (!hasBody(request) || isPostedForm(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = request.getInputStream().readNBytes(Math.toIntExact(limit + 1));
    if (body.length > limit) {
      refuse(request, response);
      return;
    }
    chain.doFilter(new BufferedBodyRequest(request, body), response);
  }

  private void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
    ProblemJson.write(
        json,
        request,
        response,
        HttpStatus.PAYLOAD_TOO_LARGE,
        "The request body is larger than " + limit + " bytes");
  }

  private static boolean hasBody(HttpServletRequest request) {
    return request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
  }

  private static boolean isPostedForm(HttpServletRequest request) {
    if (!HttpMethod.POST.matches(request.getMethod()) || request.getContentType() == null) {
      return false;
    }
    try {
      return MediaType.APPLICATION_FORM_URLENCODED.includes(
          MediaType.parseMediaType(request.getContentType()));
    } catch (InvalidMediaTypeException unparseable) {
      return false;
    }
  }
}
