package dev.lotussaga.codec;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import dev.lotussaga.codec.PayloadKeys.PayloadKey;
import io.temporal.api.common.v1.Payload;
import io.temporal.payload.codec.PayloadCodec;
import io.temporal.payload.codec.PayloadCodecException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts a whole payload, its metadata included (so not even its encoding shows), with
 * AES-256-GCM under the newest key and a fresh 96-bit nonce; the result names its key in {@value
 * #KEY_ID_METADATA}. Decrypts with the key it names. A payload without our encoding (written before
 * encryption, or by a client without it) passes through as it is.
 */
final class PayloadCipher implements PayloadCodec {

  static final String ENCODING = "binary/encrypted";
  static final String KEY_ID_METADATA = "encryption-key-id";
  static final String CIPHER_METADATA = "encryption-cipher";
  static final String CIPHER_NAME = "AES-256-GCM";

  private static final String ENCODING_METADATA = "encoding";
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final PayloadKeys keys;
  private final boolean encrypting;

  /**
   * @param encrypting false: what is written stays plain, what was encrypted still decrypts
   */
  PayloadCipher(PayloadKeys keys, boolean encrypting) {
    this.keys = keys;
    this.encrypting = encrypting;
  }

  boolean encrypting() {
    return encrypting;
  }

  @Override
  public List<Payload> encode(List<Payload> payloads) {
    return encrypting ? payloads.stream().map(this::encrypt).toList() : payloads;
  }

  @Override
  public List<Payload> decode(List<Payload> payloads) {
    return payloads.stream().map(this::decrypt).toList();
  }

  static boolean isEncrypted(Payload payload) {
    ByteString encoding = payload.getMetadataOrDefault(ENCODING_METADATA, ByteString.EMPTY);
    return encoding.toStringUtf8().equals(ENCODING);
  }

  private Payload encrypt(Payload payload) {
    if (isEncrypted(payload)) {
      return payload;
    }
    PayloadKey key = keys.newest();
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    byte[] sealed;
    try {
      sealed = cipher(Cipher.ENCRYPT_MODE, key, nonce).doFinal(payload.toByteArray());
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException("Cannot encrypt a payload with key " + key.id(), e);
    }
    return Payload.newBuilder()
        .putMetadata(ENCODING_METADATA, utf8(ENCODING))
        .putMetadata(CIPHER_METADATA, utf8(CIPHER_NAME))
        .putMetadata(KEY_ID_METADATA, utf8(key.id()))
        .setData(
            ByteString.copyFrom(
                ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).flip()))
        .build();
  }

  private Payload decrypt(Payload payload) {
    if (!isEncrypted(payload)) {
      return payload;
    }
    String keyId = payload.getMetadataOrDefault(KEY_ID_METADATA, ByteString.EMPTY).toStringUtf8();
    PayloadKey key =
        keys.byId(keyId)
            .orElseThrow(
                () ->
                    new PayloadCodecException(
                        "A payload is encrypted with key '"
                            + keyId
                            + "', which is not among the payload keys"));
    byte[] data = payload.getData().toByteArray();
    if (data.length < NONCE_BYTES + TAG_BITS / 8) {
      throw new PayloadCodecException("An encrypted payload is too short to be one");
    }
    try {
      byte[] plain =
          cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOf(data, NONCE_BYTES))
              .doFinal(data, NONCE_BYTES, data.length - NONCE_BYTES);
      return Payload.parseFrom(plain);
    } catch (GeneralSecurityException e) {
      throw new PayloadCodecException(
          "A payload encrypted with key '" + keyId + "' does not decrypt: altered, or a wrong key",
          e);
    } catch (InvalidProtocolBufferException e) {
      throw new PayloadCodecException("A decrypted payload is not a payload", e);
    }
  }

  /** The key id is authenticated with the data: a payload cannot be relabelled to another key. */
  private static Cipher cipher(int mode, PayloadKey key, byte[] nonce)
      throws GeneralSecurityException {
    Cipher cipher = Cipher.getInstance(TRANSFORMATION);
    cipher.init(mode, key.secret(), new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(key.id().getBytes(StandardCharsets.UTF_8));
    return cipher;
  }

  private static ByteString utf8(String text) {
    return ByteString.copyFromUtf8(text);
  }
}
