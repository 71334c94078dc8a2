package dev.lotussaga.gateway.system;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/**
 * An error meant for the caller; rendered as problem+json with its status and detail. A 503 tells
 * the caller when to retry.
 */
public class ApiException extends ErrorResponseException {

  private static final String RETRY_AFTER_SECONDS = "5";

  public ApiException(HttpStatus status, String detail) {
    super(status);
    setDetail(detail);
    if (status == HttpStatus.SERVICE_UNAVAILABLE) {
      getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    }
  }
}
