package dev.lotussaga.observability.temporal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TemporalTlsTest {

  @TempDir static Path dir;
  static Path cert;
  static Path key;

  /** A self-signed certificate made by the JDK's keytool, written out as PEM files. */
  @BeforeAll
  static void selfSignedCertificate() throws Exception {
    Path store = dir.resolve("client.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "client",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-dname",
                "CN=lotus-saga-test",
                "-validity",
                "1",
                "-storetype",
                "PKCS12",
                "-keystore",
                store.toString(),
                "-storepass",
                "changeit")
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();

    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      keys.load(in, "changeit".toCharArray());
    }
    Certificate certificate = keys.getCertificate("client");
    PrivateKey privateKey = (PrivateKey) keys.getKey("client", "changeit".toCharArray());
    cert = pem(dir.resolve("tls.crt"), "CERTIFICATE", certificate.getEncoded());
    key = pem(dir.resolve("tls.key"), "PRIVATE KEY", privateKey.getEncoded());
  }

  @Test
  void staysPlaintextWhenNothingIsConfigured() {
    assertThat(TemporalTls.sslContext(new TemporalTlsProperties(null, null, null))).isEmpty();
  }

  @Test
  void presentsTheClientCertificateAndTrustsTheGivenAuthority() {
    Optional<SslContext> tls = TemporalTls.sslContext(new TemporalTlsProperties(cert, key, cert));

    assertThat(tls).hasValueSatisfying(context -> assertThat(context.isClient()).isTrue());
  }

  @Test
  void verifiesTheServerWithoutAClientCertificate() {
    assertThat(TemporalTls.sslContext(new TemporalTlsProperties(null, null, cert))).isPresent();
  }

  @Test
  void refusesACertificateWithoutItsKey() {
    assertThatThrownBy(() -> new TemporalTlsProperties(cert, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("set both or neither");
  }

  @Test
  void refusesAnAuthorityFileWithoutCertificates() throws IOException {
    Path empty = Files.writeString(dir.resolve("empty.crt"), "");

    assertThatThrownBy(() -> TemporalTls.sslContext(new TemporalTlsProperties(null, null, empty)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static Path pem(Path file, String type, byte[] der) throws IOException {
    String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(der);
    return Files.writeString(
        file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
  }
}
