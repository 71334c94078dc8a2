package dev.lotussaga.web;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
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
}
