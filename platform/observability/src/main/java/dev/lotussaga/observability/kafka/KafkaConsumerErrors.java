package dev.lotussaga.observability.kafka;

import dev.lotussaga.observability.OrderLogContext;
import java.util.List;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ExceptionClassifier;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The error handler of every Kafka listener: a record that cannot succeed goes to the dead letters
 * at once; anything else (the database or the broker down, a bug that a fix will cure) is retried
 * with back-off without limit, in order, so an outage delays records but never skips one.
 */
final class KafkaConsumerErrors {

  private static final Logger log = LoggerFactory.getLogger(KafkaConsumerErrors.class);

  private KafkaConsumerErrors() {}

  /**
   * Never retried, beside Spring Kafka's own list (a {@code DeserializationException}, which also
   * covers an event the {@link OrderEventValidator} refused, a {@code MessageConversionException},
   * {@code ConversionException}, {@code MethodArgumentResolutionException} with its {@code
   * MethodArgumentNotValidException}, {@code NoSuchMethodException}, {@code ClassCastException}): a
   * value the database refuses for good (a constraint, a value out of range).
   */
  private static final List<Class<? extends Throwable>> NEVER_RETRIED =
      Stream.concat(
              ExceptionClassifier.defaultFatalExceptionsList().stream(),
              Stream.of(DataIntegrityViolationException.class))
          .toList();

  static DefaultErrorHandler handler(DeadLetters deadLetters, KafkaRetryProperties retry) {
    ExponentialBackOff backOff =
        new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
    backOff.setMaxInterval(retry.maxInterval().toMillis());
    backOff.setMaxElapsedTime(Long.MAX_VALUE);
    backOff.setMaxAttempts(Integer.MAX_VALUE);
    DefaultErrorHandler handler = new DefaultErrorHandler(deadLetters, backOff);
    handler.addNotRetryableExceptions(DataIntegrityViolationException.class);
    handler.setRetryListeners(KafkaConsumerErrors::failedAttempt);
    return handler;
  }

  /**
   * One line per failed attempt of a record that is retried: the first with its stack trace, later
   * ones short. A dead letter is logged by {@link DeadLetters}.
   */
  private static void failedAttempt(ConsumerRecord<?, ?> record, Exception error, int attempt) {
    if (!retried(error)) {
      return;
    }
    try (OrderLogContext context = OrderLogContext.of(DeadLetters.orderIdOf(record))) {
      String key = DeadLetters.printable(record.key());
      if (attempt == 1) {
        log.warn(
            "Kafka record {} with key {} failed; retried with back-off until it succeeds",
            KafkaUtils.format(record),
            key,
            error);
      } else {
        log.warn(
            "Kafka record {} with key {} failed again (attempt {}): {}",
            KafkaUtils.format(record),
            key,
            attempt,
            DeadLetters.reason(error));
      }
    }
  }

  /** As the handler classifies (the same list): by the exception or any of its causes. */
  static boolean retried(Throwable error) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      Throwable candidate = cause;
      if (NEVER_RETRIED.stream().anyMatch(type -> type.isInstance(candidate))) {
        return false;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return true;
  }
}
