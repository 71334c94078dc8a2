package dev.lotussaga.web;

import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;

/**
 * The {@code Idempotency-Key} convention, with Stripe's semantics: a caller's request with a key
 * takes effect once; the same key from the same caller again gets the first answer (marked {@value
 * #REPLAYED_HEADER}), and with a different request a 422. The gateway forwards the key; the service
 * that owns the effect stores it with the effect, in one transaction.
 */
public final class IdempotencyKey {

  public static final String HEADER = "Idempotency-Key";

  /** {@code true} on an answer that repeats the one given to the key's first request. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  /** For {@code @Pattern}: 1 to 100 printable ASCII characters, no spaces. */
  public static final String PATTERN = "[\\x21-\\x7E]{1,100}";

  /** What a caller is told when a key is refused: {@code message = "must be " + FORM}. */
  public static final String FORM = "1 to 100 printable ASCII characters without spaces";

  private IdempotencyKey() {}

  /** Sets the key on a call to a service, if the caller sent one. */
  public static Consumer<HttpHeaders> forward(String key) {
    return headers -> {
      if (key != null) {
        headers.set(HEADER, key);
      }
    };
  }

  /** The first answer again, marked as a replay. */
  public static <T> ResponseEntity<T> replayed(T body) {
    return ResponseEntity.ok().header(REPLAYED_HEADER, "true").body(body);
  }

  /** A service's answer passed on: its status and body, and its replay mark if it has one. */
  public static <T> ResponseEntity<T> relay(ResponseEntity<T> answer) {
    ResponseEntity.BodyBuilder relayed = ResponseEntity.status(answer.getStatusCode());
    if ("true".equals(answer.getHeaders().getFirst(REPLAYED_HEADER))) {
      relayed.header(REPLAYED_HEADER, "true");
    }
    return relayed.body(answer.getBody());
  }

  /**
   * A 422: the key named another request.
   *
   * @param first what the key's first request asked, such as "a top-up of 10.00"
   * @param now what this request asks
   */
  public static ErrorResponseException reusedFor(String first, String now) {
    HttpStatus status = HttpStatus.UNPROCESSABLE_ENTITY;
    return new ErrorResponseException(
        status,
        ProblemDetail.forStatusAndDetail(
            status,
            "This Idempotency-Key was used for "
                + first
                + ", not "
                + now
                + "; a different request needs a new key"),
        null);
  }
}
