package dev.lotussaga.gateway.edge;

import dev.lotussaga.web.ProblemJson;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's error page, as problem+json. Tomcat forwards here whenever something below the
 * controllers answered with an error and no body (for example Spring Security's firewall refusing a
 * path with {@code ;} or an encoded {@code /}). Replaces Boot's own error controller, whose JSON is
 * not a problem and which answers a direct GET /error with 500.
 */
@RestController
class ProblemErrorPage implements ErrorController {

  @RequestMapping("${server.error.path:/error}")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request) {
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    HttpStatus status =
        code instanceof Integer value && HttpStatus.resolve(value) != null
            ? HttpStatus.valueOf(value)
            : HttpStatus.NOT_FOUND;
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail(status));
    problem.setInstance(originalPath(request));
    return ProblemJson.status(status).body(problem);
  }

  /** The path the client asked for, not /error; the page itself when there is none. */
  private static URI originalPath(HttpServletRequest request) {
    Object path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    try {
      return URI.create(path instanceof String original ? original : request.getRequestURI());
    } catch (IllegalArgumentException unusualPath) {
      return URI.create(request.getRequestURI());
    }
  }

  private static String detail(HttpStatus status) {
    if (status == HttpStatus.NOT_FOUND) {
      return "There is nothing here";
    }
    if (status.is4xxClientError()) {
      return "The request was refused: " + status.getReasonPhrase();
    }
    return "Something went wrong on our side; please try again";
  }
}
