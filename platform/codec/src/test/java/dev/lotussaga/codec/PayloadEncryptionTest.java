package dev.lotussaga.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.payload.codec.PayloadCodecException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class PayloadEncryptionTest {

  private static final String OLD = key("2026-01");
  private static final String NEW = key("2026-07");

  private static final Payload ORDER =
      DefaultDataConverter.STANDARD_INSTANCE
          .toPayload("{\"orderId\":\"o-1\",\"price\":1500.00}")
          .orElseThrow();

  @Test
  void encryptsTheWholePayloadAndDecryptsItBack() {
    PayloadEncryption encryption = PayloadEncryption.with(PayloadKeys.parse(list(NEW)));

    Payload encrypted = encryption.encode(List.of(ORDER)).get(0);

    assertThat(encrypted.getMetadataMap())
        .containsEntry("encoding", utf8("binary/encrypted"))
        .containsEntry("encryption-key-id", utf8("2026-07"))
        .containsEntry("encryption-cipher", utf8("AES-256-GCM"));
    assertThat(encrypted.getData().toStringUtf8()).doesNotContain("o-1", "1500", "json/plain");
    assertThat(encryption.decode(List.of(encrypted))).containsExactly(ORDER);
  }

  @Test
  void aFreshNonceMakesTheSamePayloadEncryptDifferently() {
    PayloadEncryption encryption = PayloadEncryption.with(PayloadKeys.parse(list(NEW)));

    List<Payload> twice = encryption.encode(List.of(ORDER, ORDER));

    assertThat(twice.get(0).getData()).isNotEqualTo(twice.get(1).getData());
    assertThat(twice.get(0).getData().substring(0, 12))
        .isNotEqualTo(twice.get(1).getData().substring(0, 12));
  }

  @Test
  void encryptsWithTheNewestKeyAndStillDecryptsWhatTheOldOneEncrypted() {
    Payload underOldKey =
        PayloadEncryption.with(PayloadKeys.parse(list(OLD))).encode(List.of(ORDER)).get(0);
    PayloadEncryption rotated = PayloadEncryption.with(PayloadKeys.parse(list(NEW, OLD)));

    assertThat(rotated.decode(List.of(underOldKey))).containsExactly(ORDER);
    assertThat(rotated.encode(List.of(ORDER)).get(0).getMetadataOrThrow("encryption-key-id"))
        .isEqualTo(utf8("2026-07"));
  }

  @Test
  void passesPlainPayloadsThroughSoThatHistoriesFromBeforeStillRead() {
    PayloadEncryption encryption = PayloadEncryption.with(PayloadKeys.parse(list(NEW)));

    assertThat(encryption.decode(List.of(ORDER))).containsExactly(ORDER);
    assertThat(encryption.dataConverter().fromPayload(ORDER, String.class, String.class))
        .contains("o-1");
  }

  @Test
  void refusesAlteredCiphertext() {
    PayloadEncryption encryption = PayloadEncryption.with(PayloadKeys.parse(list(NEW)));
    Payload encrypted = encryption.encode(List.of(ORDER)).get(0);
    byte[] data = encrypted.getData().toByteArray();
    data[data.length - 20] ^= 1;

    Payload altered = encrypted.toBuilder().setData(ByteString.copyFrom(data)).build();

    assertThatThrownBy(() -> encryption.decode(List.of(altered)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("does not decrypt");
  }

  @Test
  void refusesAPayloadRelabelledWithAnotherKeyOrWithAnUnknownOne() {
    PayloadEncryption both = PayloadEncryption.with(PayloadKeys.parse(list(NEW, OLD)));
    Payload encrypted = both.encode(List.of(ORDER)).get(0);

    Payload relabelled =
        encrypted.toBuilder().putMetadata("encryption-key-id", utf8("2026-01")).build();
    Payload unknown = encrypted.toBuilder().putMetadata("encryption-key-id", utf8("gone")).build();

    assertThatThrownBy(() -> both.decode(List.of(relabelled)))
        .isInstanceOf(PayloadCodecException.class);
    assertThatThrownBy(() -> both.decode(List.of(unknown)))
        .isInstanceOf(PayloadCodecException.class)
        .hasMessageContaining("'gone'");
  }

  @Test
  void refusesToRunWithoutAKeyUnlessSwitchedOffExplicitly() {
    assertThatThrownBy(() -> PayloadEncryption.configured(true, null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("LOTUS_PAYLOAD_KEYS")
        .hasMessageContaining("LOTUS_PAYLOAD_ENCRYPTION=false");
    assertThat(PayloadEncryption.configured(false, " ").encrypts()).isFalse();
    assertThat(PayloadEncryption.configured(true, list(NEW)).encrypts()).isTrue();
  }

  @Test
  void switchedOffWithKeysItWritesPlainButStillDecrypts() {
    Payload encrypted =
        PayloadEncryption.with(PayloadKeys.parse(list(NEW))).encode(List.of(ORDER)).get(0);
    PayloadEncryption off = PayloadEncryption.configured(false, list(NEW));

    assertThat(off.encode(List.of(ORDER))).containsExactly(ORDER);
    assertThat(off.decode(List.of(encrypted))).containsExactly(ORDER);
  }

  @Test
  void refusesKeysThatAreNotAes256WithoutShowingThem() {
    String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> PayloadKeys.parse("[{\"id\":\"k\",\"key\":\"" + shortKey + "\"}]"))
        .hasMessageContaining("16 bytes")
        .hasMessageNotContaining(shortKey);
    assertThatThrownBy(() -> PayloadKeys.parse("[]")).hasMessageContaining("no key");
    assertThatThrownBy(() -> PayloadKeys.parse(list(NEW, NEW))).hasMessageContaining("same id");
    assertThatThrownBy(() -> PayloadKeys.parse("not json")).hasMessageContaining("JSON list");
    assertThatThrownBy(() -> PayloadKeys.parse("[{\"id\":\"a b\",\"key\":\"x\"}]"))
        .hasMessageContaining("id");
  }

  static String key(String id) {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    return "{\"id\":\"" + id + "\",\"key\":\"" + Base64.getEncoder().encodeToString(secret) + "\"}";
  }

  static String list(String... keys) {
    return "[" + String.join(",", keys) + "]";
  }

  private static ByteString utf8(String text) {
    return ByteString.copyFromUtf8(text);
  }
}
