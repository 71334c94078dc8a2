package dev.lotussaga.gateway.attack;

import java.nio.charset.StandardCharsets;

/** Any text into URI syntax: every byte escaped, or the URI-legal punctuation left as it is. */
final class UriText {

  private static final String UNRESERVED = "-._~";
  private static final String SUB_DELIMS = "!$'()*+,;:@";

  private UriText() {}

  static String strict(String text) {
    return encode(text, UNRESERVED);
  }

  /** Leaves punctuation that URIs allow raw, so that it reaches the server's own decoding. */
  static String loose(String text) {
    return encode(text, UNRESERVED + SUB_DELIMS);
  }

  private static String encode(String text, String keep) {
    StringBuilder encoded = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'a' && c <= 'z')
          || (c >= 'A' && c <= 'Z')
          || (c >= '0' && c <= '9')
          || keep.indexOf(c) >= 0) {
        encoded.append(c);
      } else {
        encoded.append('%').append(String.format("%02X", (int) c));
      }
    }
    return encoded.toString();
  }
}
