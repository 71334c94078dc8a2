package dev.lotussaga.gateway.attack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * One generated request, complete: what is sent, and which mutations of a valid request made it.
 *
 * @param target path and query, already in URI syntax
 */
record AttackRequest(
    String endpoint,
    List<String> mutations,
    String method,
    String target,
    Map<String, String> headers,
    byte[] body,
    boolean chunked) {

  /** Short enough for a test name. */
  String title() {
    return endpoint + " " + mutations + " " + shorten(method + " " + target, 120);
  }

  /** Everything needed to replay the request by hand, control characters escaped. */
  String describe() {
    StringBuilder text = new StringBuilder(endpoint).append(' ').append(mutations).append('\n');
    text.append(method).append(' ').append(shorten(target, 400)).append('\n');
    headers.forEach(
        (name, value) -> text.append(name).append(": ").append(shorten(value, 120)).append('\n'));
    if (body != null) {
      text.append(chunked ? "(chunked) " : "")
          .append(body.length)
          .append(" bytes: ")
          .append(shorten(new String(body, StandardCharsets.UTF_8), 300));
    }
    return text.toString();
  }

  private static String shorten(String text, int max) {
    String visible = escape(text.length() > max ? text.substring(0, max) : text);
    return text.length() > max ? visible + "… (" + text.length() + " chars)" : visible;
  }

  private static String escape(String text) {
    StringBuilder escaped = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c < 0x20 || c > 0x7e) {
        escaped.append(String.format("\\u%04x", (int) c));
      } else {
        escaped.append(c);
      }
    }
    return escaped.toString();
  }
}
