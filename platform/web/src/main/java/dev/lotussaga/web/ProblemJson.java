package dev.lotussaga.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one writer of RFC 9457 problem+json answers, for handlers and for servlet filters alike.
 * Errors leave as problem+json whatever the request's Accept header says: a client that asked for
 * HTML, or sent an Accept header that does not parse, still learns what went wrong.
 */
public final class ProblemJson {

  private ProblemJson() {}

  /** Spring's answer to an error, same status and body, typed as problem+json; null stays null. */
  public static ResponseEntity<Object> of(ResponseEntity<Object> response) {
    if (response == null) {
      return null;
    }
    HttpHeaders headers = new HttpHeaders();
    headers.addAll(response.getHeaders());
    headers.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return new ResponseEntity<>(response.getBody(), headers, response.getStatusCode());
  }

  /** The start of a handler's problem answer: its status, typed as problem+json. */
  public static ResponseEntity.BodyBuilder status(HttpStatusCode status) {
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  /** Writes a problem from code that runs outside Spring MVC (servlet filters, security). */
  public static void write(ObjectMapper json, HttpServletResponse response, ProblemDetail problem)
      throws IOException {
    response.setStatus(problem.getStatus());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    json.writeValue(response.getOutputStream(), problem);
  }

  /** As {@link #write(ObjectMapper, HttpServletResponse, ProblemDetail)}, naming the path. */
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
    write(json, response, problem);
  }
}
