package dev.lotussaga.web;

import java.math.BigDecimal;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * An amount of money as the HTTP APIs take it (the gateway's {@code money}, billing's {@code
 * amount}): ASCII digits, optionally a {@code .} followed by one or two decimals, more than 0 and
 * at most 10⁹. {@code 10}, {@code 10.5}, {@code 10.50} and {@code 0.01} are amounts; {@code .5},
 * {@code 10.}, {@code 1e3}, {@code +10}, {@code １０} (full-width digits) and anything with a space
 * are not, although {@link BigDecimal} would parse most of them.
 */
public final class MoneyAmount {

  /** What a caller is told when an amount is refused. */
  public static final String FORM =
      "an amount such as 10 or 10.50: ASCII digits, optionally a '.' and one or two decimals,"
          + " more than 0 and at most 1000000000";

  public static final BigDecimal MAX = new BigDecimal("1000000000");

  // [0-9], not \d: the form is ASCII whatever the regex flags
  private static final Pattern DIGITS = Pattern.compile("[0-9]+(?:\\.[0-9]{1,2})?");

  private MoneyAmount() {}

  /**
   * The amount the text names.
   *
   * @param parameter the parameter's name, for the refusal's detail
   * @throws ErrorResponseException a 400 whose detail says the expected form
   */
  public static BigDecimal parse(String parameter, String text) {
    if (text == null || !DIGITS.matcher(text).matches()) {
      throw refused(parameter);
    }
    BigDecimal amount = new BigDecimal(text);
    if (amount.signum() <= 0 || amount.compareTo(MAX) > 0) {
      throw refused(parameter);
    }
    return amount;
  }

  private static ErrorResponseException refused(String parameter) {
    return new ErrorResponseException(
        HttpStatus.BAD_REQUEST,
        ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, parameter + " must be " + FORM),
        null);
  }
}
