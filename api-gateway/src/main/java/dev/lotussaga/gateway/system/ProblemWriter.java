package dev.lotussaga.gateway.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/** Writes a problem+json answer from code that runs outside Spring MVC (servlet filters). */
public final class ProblemWriter {

  private ProblemWriter() {}

  public static void write(
      ObjectMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail)
      throws IOException {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    try {
      problem.setInstance(URI.create(request.getRequestURI()));
    } catch (IllegalArgumentException unusualPath) {
      // the problem is complete without it
    }
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }
}
