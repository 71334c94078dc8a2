package dev.lotussaga.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.web.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.firewall.RequestRejectedException;

/** Refusals of the filter chain, written as problem+json like every other error. */
final class AuthProblems {

  private final ObjectMapper json;

  AuthProblems(ObjectMapper json) {
    this.json = json;
  }

  void unauthorized(
      HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
      throws IOException {
    response.setHeader("WWW-Authenticate", "Bearer");
    write(
        request,
        response,
        HttpStatus.UNAUTHORIZED,
        "A valid internal token from the gateway is required: " + e.getMessage());
  }

  void forbidden(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
      throws IOException {
    write(request, response, HttpStatus.FORBIDDEN, "This call is not allowed for this caller");
  }

  /** Spring Security's firewall refuses some paths and headers before any handler runs. */
  void rejected(
      HttpServletRequest request, HttpServletResponse response, RequestRejectedException e)
      throws IOException {
    write(
        request,
        response,
        HttpStatus.BAD_REQUEST,
        "The request was refused: its method, path or headers are not allowed here");
  }

  private void write(
      HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
      throws IOException {
    ProblemJson.write(json, response, ProblemDetail.forStatusAndDetail(status, detail));
  }
}
