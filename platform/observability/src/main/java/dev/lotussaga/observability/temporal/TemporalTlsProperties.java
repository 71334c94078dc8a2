package dev.lotussaga.observability.temporal;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * PEM files for TLS to Temporal's frontend ({@code LOTUS_TEMPORAL_TLS_CERT}, {@code _KEY}, {@code
 * _CA}). None set: plaintext, as with the local test server. The key must be PKCS#8 ({@code BEGIN
 * PRIVATE KEY}); without a CA file the JVM's trusted authorities verify the server.
 *
 * @param cert the client certificate chain presented to the server
 * @param key the client certificate's private key
 * @param ca the authorities that may sign the server's certificate
 */
@ConfigurationProperties("lotus.temporal.tls")
public record TemporalTlsProperties(Path cert, Path key, Path ca) {

  public TemporalTlsProperties {
    if ((cert == null) != (key == null)) {
      throw new IllegalArgumentException(
          "lotus.temporal.tls.cert and lotus.temporal.tls.key go together: set both or neither");
    }
  }

  public boolean enabled() {
    return cert != null || ca != null;
  }
}
