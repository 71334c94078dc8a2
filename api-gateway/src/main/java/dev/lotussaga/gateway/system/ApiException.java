package dev.lotussaga.gateway.system;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** An error meant for the caller; rendered as problem+json with its status and detail. */
public class ApiException extends ErrorResponseException {

  public ApiException(HttpStatus status, String detail) {
    super(status);
    setDetail(detail);
  }
}
