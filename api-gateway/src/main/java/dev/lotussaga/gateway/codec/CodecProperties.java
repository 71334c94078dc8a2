package dev.lotussaga.gateway.codec;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param corsOrigin the Temporal Web UI's origin ({@code https://temporal.example.com}), whose
 *     pages may call the codec endpoint from the browser; none: no cross-origin calls
 */
@ConfigurationProperties("lotus.codec")
record CodecProperties(String corsOrigin) {

  boolean allowsCrossOrigin() {
    return corsOrigin != null && !corsOrigin.isBlank();
  }
}
