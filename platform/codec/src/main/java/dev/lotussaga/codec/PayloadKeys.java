package dev.lotussaga.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The AES-256 keys payloads are encrypted with, newest first: the first encrypts, any of them
 * decrypts what names it by id, so a new key goes in front and an old one leaves once nothing
 * written with it is still needed.
 */
public final class PayloadKeys {

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final int KEY_BYTES = 32;

  private final PayloadKey newest;
  private final Map<String, PayloadKey> byId;

  /** One key: its id (written into every payload it encrypts) and its 32 bytes. */
  public record PayloadKey(String id, SecretKey secret) {}

  record Entry(String id, String key) {}

  private PayloadKeys(List<PayloadKey> keys) {
    this.newest = keys.get(0);
    Map<String, PayloadKey> ids = new LinkedHashMap<>();
    keys.forEach(key -> ids.put(key.id(), key));
    this.byId = Map.copyOf(ids);
  }

  /**
   * From {@code [{"id":"2026-12","key":"<32 bytes, base64>"}, ...]}, the newest first, as in {@code
   * LOTUS_PAYLOAD_KEYS}. The message of a refusal never shows a key.
   */
  public static PayloadKeys parse(String json) {
    List<Entry> entries;
    try {
      Entry[] listed = new ObjectMapper().readValue(json, Entry[].class);
      entries =
          listed == null ? List.of() : Arrays.stream(listed).filter(Objects::nonNull).toList();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The payload keys are not a JSON list of {\"id\": ..., \"key\": ...}: "
              + e.getOriginalMessage());
    }
    if (entries.isEmpty()) {
      throw new IllegalArgumentException("The payload keys list no key");
    }
    List<PayloadKey> keys = new ArrayList<>();
    for (Entry entry : entries) {
      keys.add(key(entry));
    }
    if (keys.stream().map(PayloadKey::id).distinct().count() != keys.size()) {
      throw new IllegalArgumentException("Two payload keys have the same id");
    }
    return new PayloadKeys(keys);
  }

  PayloadKey newest() {
    return newest;
  }

  Optional<PayloadKey> byId(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  private static PayloadKey key(Entry entry) {
    if (entry.id() == null || !ID.matcher(entry.id()).matches()) {
      throw new IllegalArgumentException(
          "A payload key's id must be 1 to 64 letters, digits, '.', '_' or '-'");
    }
    byte[] secret;
    try {
      secret = Base64.getDecoder().decode(entry.key() == null ? "" : entry.key().strip());
    } catch (IllegalArgumentException notBase64) {
      throw new IllegalArgumentException("Payload key " + entry.id() + " is not base64");
    }
    if (secret.length != KEY_BYTES) {
      throw new IllegalArgumentException(
          "Payload key " + entry.id() + " has " + secret.length + " bytes; AES-256 needs 32");
    }
    return new PayloadKey(entry.id(), new SecretKeySpec(secret, "AES"));
  }
}
