package dev.lotussaga.gateway.timeline;

import com.fasterxml.jackson.databind.JsonNode;
import io.temporal.api.common.v1.Payloads;
import io.temporal.api.failure.v1.Failure;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DataConverterException;
import io.temporal.payload.codec.PayloadCodecException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parts of history events as short readable text, decrypted by the client's data converter. A
 * payload it cannot read (an unknown encoding, a key no longer configured) is empty, never an
 * error: the timeline shows what it can.
 */
final class EventText {

  private static final int MAX_LENGTH = 300;

  private final DataConverter converter;

  EventText(DataConverter converter) {
    this.converter = converter;
  }

  /** The first payload as JSON; empty when there is none or it cannot be decoded. */
  Optional<JsonNode> json(Payloads payloads) {
    if (payloads == null || payloads.getPayloadsCount() == 0) {
      return Optional.empty();
    }
    try {
      return Optional.ofNullable(
          converter.fromPayload(payloads.getPayloads(0), JsonNode.class, JsonNode.class));
    } catch (DataConverterException | PayloadCodecException | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  /** The first payload, described; "" when absent or unreadable. */
  String text(Payloads payloads) {
    return json(payloads).map(EventText::describe).orElse("");
  }

  /** Text as it is; an object as "name: value" pairs without its nulls; anything else as JSON. */
  static String describe(JsonNode value) {
    String text;
    if (value == null || value.isNull() || value.isMissingNode()) {
      text = "";
    } else if (value.isValueNode()) {
      text = value.asText();
    } else if (value.isObject()) {
      List<String> fields = new ArrayList<>();
      for (Map.Entry<String, JsonNode> field : value.properties()) {
        JsonNode v = field.getValue();
        if (!v.isNull()) {
          fields.add(field.getKey() + ": " + (v.isValueNode() ? v.asText() : v.toString()));
        }
      }
      text = String.join(", ", fields);
    } else {
      text = value.toString();
    }
    return text.length() <= MAX_LENGTH ? text : text.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** A failure's message with its causes' ("Activity task failed: Out of coffee"). */
  static String message(Failure failure) {
    String message = failure.getMessage();
    for (Failure cause = failure; cause.hasCause(); ) {
      cause = cause.getCause();
      if (!cause.getMessage().isEmpty()) {
        message = message.isEmpty() ? cause.getMessage() : message + ": " + cause.getMessage();
      }
    }
    return message;
  }

  static String joined(String first, String second) {
    if (first.isEmpty()) {
      return second;
    }
    return second.isEmpty() ? first : first + "; " + second;
  }

  /** 7d, 24h, 15m, 90s, as the docs write durations. */
  static String readable(Duration duration) {
    if (duration.isZero() || duration.toMillis() % 1000 != 0) {
      return duration.toMillis() + "ms";
    }
    long seconds = duration.toSeconds();
    if (seconds % 86_400 == 0) {
      return seconds / 86_400 + "d";
    }
    if (seconds % 3_600 == 0) {
      return seconds / 3_600 + "h";
    }
    return seconds % 60 == 0 ? seconds / 60 + "m" : seconds + "s";
  }
}
