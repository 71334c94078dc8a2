package dev.lotussaga.gateway.attack;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/** Request bodies that are not what the endpoint expects: broken, mistyped, or far too large. */
final class HostileBodies {

  private HostileBodies() {}

  /** Raw JSON values of the wrong type for a text field, or numbers that do not fit anything. */
  static final List<String> WRONG_TYPES =
      List.of(
          "12345678",
          "-1",
          "1e400",
          "123456789012345678901234567890",
          "-0",
          "true",
          "null",
          "[]",
          "{}",
          "[\"a\",\"b\"]",
          "{\"$ne\":null}",
          "{\"@class\":\"java.lang.ProcessBuilder\"}",
          "0.1");

  static final List<String> EXTRA_FIELDS =
      List.of(
          "role", "id", "userId", "staff", "@class", "__proto__", "constructor", "", "é", "a b");

  static final List<String> MALFORMED =
      List.of(
          "",
          "{",
          "}",
          "[",
          "{\"email\":",
          "{'email':'a@b.example'}",
          "{email:\"a@b.example\"}",
          "{\"email\":\"a@b.example\",}",
          "{\"a\":1}{\"b\":2}",
          "/* comment */ {}",
          "\ufeff{}",
          "{\"email\":NaN}",
          "nul",
          "tru",
          "{\"email\":\"\\uZZZZ\"}",
          "{\"email\":\"\u0001\"}",
          "{\"email\":\"a\" \"password\":\"b\"}",
          "[1,2",
          "\"just a string\"",
          "42",
          "<xml/>",
          "email=a&password=b",
          "{\"email\":\"a@b.example\",\"email\":\"c@d.example\"}");

  /** A body that no parser should see whole: over 1 MiB, in one of a few shapes. */
  static byte[] huge(Random random) {
    int size = (1 << 20) + random.nextInt(256 * 1024);
    return switch (random.nextInt(4)) {
      case 0 -> utf8("{\"email\":\"" + "a".repeat(size) + "\",\"password\":\"long enough\"}");
      case 1 -> utf8(" ".repeat(size) + "{}");
      case 2 -> utf8("[" + "1,".repeat(size / 2) + "1]");
      default -> utf8("{\"reason\":\"" + "日".repeat(size / 3) + "\"}");
    };
  }

  /** Nesting deep enough to exhaust a naive parser, yet within the body limit. */
  static byte[] deeplyNested(Random random) {
    int depth = 10_000 + random.nextInt(20_000);
    return utf8(random.nextBoolean() ? "[".repeat(depth) : "{\"a\":".repeat(depth / 5));
  }

  /** Bytes that are not UTF-8 at all, inside otherwise plausible JSON. */
  static byte[] notUtf8(Random random) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    bytes.writeBytes(utf8("{\"email\":\""));
    byte[] garbage = {(byte) 0xff, (byte) 0xfe, (byte) 0xc0, (byte) 0xae, (byte) 0xed, (byte) 0xa0};
    for (int i = 0; i < 3 + random.nextInt(8); i++) {
      bytes.write(garbage[random.nextInt(garbage.length)]);
    }
    bytes.writeBytes(utf8("\",\"password\":\"long enough\"}"));
    return bytes.toByteArray();
  }

  /** The valid body cut short at a random point. */
  static byte[] truncated(String json, Random random) {
    return utf8(json.substring(0, random.nextInt(Math.max(1, json.length() - 1))));
  }

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
