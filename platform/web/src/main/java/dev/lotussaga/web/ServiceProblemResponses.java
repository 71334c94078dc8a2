package dev.lotussaga.web;

import java.beans.PropertyEditorSupport;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.InitBinder;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * The internal services' error advice (the gateway has its own, {@code GatewayProblemResponses}):
 * Spring's problem details for every error, written as problem+json whatever the Accept header
 * says: Spring's own handler gives up on an Accept header it cannot parse and answers with an empty
 * body. Text parameters with control characters are bad input (400), not a database error.
 */
@RestControllerAdvice
public class ServiceProblemResponses extends ResponseEntityExceptionHandler {

  /**
   * An Accept header that does not parse is refused (406) before a handler runs: the problems the
   * controllers return themselves would otherwise go out without a body.
   */
  @ModelAttribute
  void refuseUnparseableAccept(@RequestHeader(name = "Accept", required = false) String accept)
      throws HttpMediaTypeNotAcceptableException {
    if (accept == null) {
      return;
    }
    try {
      MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException unparseable) {
      throw new HttpMediaTypeNotAcceptableException(
          List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  /** PostgreSQL refuses NUL in text, and no parameter of this API needs control characters. */
  @InitBinder
  void refuseControlCharacters(WebDataBinder binder) {
    binder.registerCustomEditor(
        String.class,
        new PropertyEditorSupport() {
          @Override
          public void setAsText(String text) {
            if (text.chars().anyMatch(Character::isISOControl)) {
              throw new IllegalArgumentException("contains a control character");
            }
            setValue(text);
          }
        });
  }

  @Override
  protected ResponseEntity<Object> handleExceptionInternal(
      Exception e, Object body, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ProblemJson.of(super.handleExceptionInternal(e, body, headers, status, request));
  }
}
