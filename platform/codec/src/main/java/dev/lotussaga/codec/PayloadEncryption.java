package dev.lotussaga.codec;

import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.CodecDataConverter;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodec;
import java.util.List;

/**
 * How a Temporal client of the saga treats payloads: encrypted with {@link PayloadKeys} (the
 * default), or, only when switched off explicitly, plain. The one place that decides it for the
 * services (through {@link PayloadEncryptionAutoConfiguration}), the tools and the tests.
 *
 * <p>{@code LOTUS_PAYLOAD_KEYS} set: payloads are encrypted with its first key; {@code
 * LOTUS_PAYLOAD_ENCRYPTION=false} besides: written plain, still decrypted. Neither set: refused, so
 * that a deployment never writes personal data in plain text by forgetting a Secret. Only {@code
 * LOTUS_PAYLOAD_ENCRYPTION=false}: plain.
 */
public final class PayloadEncryption implements PayloadCodec {

  public static final String KEYS_VARIABLE = "LOTUS_PAYLOAD_KEYS";
  public static final String SWITCH_VARIABLE = "LOTUS_PAYLOAD_ENCRYPTION";

  private final PayloadCipher cipher;

  private PayloadEncryption(PayloadCipher cipher) {
    this.cipher = cipher;
  }

  /** Encrypts with the newest of {@code keys}. */
  public static PayloadEncryption with(PayloadKeys keys) {
    return new PayloadEncryption(new PayloadCipher(keys, true));
  }

  /** Plain payloads, encrypted ones left as they are. */
  public static PayloadEncryption off() {
    return new PayloadEncryption(null);
  }

  /** From {@code LOTUS_PAYLOAD_ENCRYPTION} and {@code LOTUS_PAYLOAD_KEYS}: the tools' clients. */
  public static PayloadEncryption fromEnvironment() {
    String enabled = System.getenv(SWITCH_VARIABLE);
    return configured(
        enabled == null || !enabled.strip().equalsIgnoreCase("false"),
        System.getenv(KEYS_VARIABLE));
  }

  /**
   * @param enabled false only when switched off explicitly
   * @param keys the keys as JSON; {@code null} or blank when none are configured
   * @throws IllegalStateException encryption is on and no key is configured
   */
  public static PayloadEncryption configured(boolean enabled, String keys) {
    if (keys == null || keys.isBlank()) {
      if (enabled) {
        throw new IllegalStateException(
            "Temporal payloads are encrypted, but no key is configured: set "
                + KEYS_VARIABLE
                + " to a JSON list of {\"id\", \"key\"} (32 bytes, base64), or "
                + SWITCH_VARIABLE
                + "=false to write them in plain text (docs/operations.md, \"Encrypted payloads\")");
      }
      return off();
    }
    return new PayloadEncryption(new PayloadCipher(PayloadKeys.parse(keys), enabled));
  }

  /** Whether what this client writes is encrypted. */
  public boolean encrypts() {
    return cipher != null && cipher.encrypting();
  }

  /** The SDK's default converter (JSON and the rest) with the cipher applied after it. */
  public DataConverter dataConverter() {
    DataConverter json = DefaultDataConverter.newDefaultInstance();
    return cipher == null ? json : new CodecDataConverter(json, List.of(cipher));
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return cipher == null ? payloads : cipher.encode(payloads);
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return cipher == null ? payloads : cipher.decode(payloads);
  }
}
