package dev.lotussaga.gateway.order;

import dev.lotussaga.gateway.system.ApiException;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * How long placing an order may wait for its payment, from RFC 7240's {@code Prefer: wait=N}. Other
 * preferences are ignored, as the RFC says; a wait that is not 1 to {@value #MAX_SECONDS} whole
 * seconds is a 400.
 */
record PaymentWait(Duration duration) {

  static final int MAX_SECONDS = 10;

  static Optional<PaymentWait> from(String prefer) {
    if (prefer == null) {
      return Optional.empty();
    }
    for (String preference : prefer.split(",")) {
      String nameAndValue = preference.split(";", 2)[0].strip();
      int equals = nameAndValue.indexOf('=');
      String name = equals < 0 ? nameAndValue : nameAndValue.substring(0, equals).strip();
      if (name.toLowerCase(Locale.ROOT).equals("wait")) {
        String value = equals < 0 ? "" : unquoted(nameAndValue.substring(equals + 1).strip());
        return Optional.of(new PaymentWait(Duration.ofSeconds(seconds(value))));
      }
    }
    return Optional.empty();
  }

  /** For the answer's {@code Preference-Applied} header. */
  String applied() {
    return "wait=" + duration.toSeconds();
  }

  private static int seconds(String value) {
    if (value.matches("[0-9]{1,2}")) {
      int seconds = Integer.parseInt(value);
      if (seconds >= 1 && seconds <= MAX_SECONDS) {
        return seconds;
      }
    }
    throw new ApiException(
        HttpStatus.BAD_REQUEST,
        "Prefer: wait must be a whole number of seconds from 1 to " + MAX_SECONDS);
  }

  private static String unquoted(String value) {
    return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
        ? value.substring(1, value.length() - 1)
        : value;
  }
}
