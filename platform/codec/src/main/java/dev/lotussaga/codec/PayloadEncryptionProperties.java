package dev.lotussaga.codec;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code LOTUS_PAYLOAD_ENCRYPTION} and {@code LOTUS_PAYLOAD_KEYS}, read as {@link
 * PayloadEncryption#configured} reads them.
 *
 * @param encryption false to write payloads in plain text (then {@code keys} may be left out)
 * @param keys a JSON list of {@code {"id", "key"}}, the newest (encrypting) first
 */
@ConfigurationProperties("lotus.payload")
public record PayloadEncryptionProperties(@DefaultValue("true") boolean encryption, String keys) {}
