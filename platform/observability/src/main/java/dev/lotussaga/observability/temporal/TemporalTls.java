package dev.lotussaga.observability.temporal;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.temporal.serviceclient.SimpleSslContextBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Optional;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/** The TLS context of the Temporal client, built from {@link TemporalTlsProperties}. */
public final class TemporalTls {

  private TemporalTls() {}

  /** Empty when no TLS is configured: the connection stays plaintext. */
  public static Optional<SslContext> sslContext(TemporalTlsProperties tls) {
    if (!tls.enabled()) {
      return Optional.empty();
    }
    try (InputStream cert = open(tls.cert());
        InputStream key = open(tls.key())) {
      SimpleSslContextBuilder builder = SimpleSslContextBuilder.forPKCS8(cert, key);
      if (tls.ca() != null) {
        builder.setTrustManager(trusting(tls.ca()));
      }
      return Optional.of(builder.build());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the Temporal TLS files", e);
    }
  }

  private static InputStream open(Path file) throws IOException {
    return file == null ? null : Files.newInputStream(file);
  }

  private static TrustManager trusting(Path caFile) throws IOException {
    try (InputStream in = Files.newInputStream(caFile)) {
      KeyStore authorities = KeyStore.getInstance(KeyStore.getDefaultType());
      authorities.load(null, null);
      int n = 0;
      for (Certificate ca : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
        authorities.setCertificateEntry("ca-" + n++, ca);
      }
      if (n == 0) {
        throw new IllegalArgumentException(caFile + " holds no certificate");
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(authorities);
      return trust.getTrustManagers()[0];
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Cannot trust the authorities in " + caFile, e);
    }
  }
}
