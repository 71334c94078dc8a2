package dev.lotussaga.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.RealHttp;
import dev.lotussaga.gateway.Users;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.util.unit.DataSize;

/** Over real HTTP: Tomcat, a declared Content-Length and chunked transfer as clients send them. */
@GatewayTest
class RequestBodyLimitTest {

  @LocalServerPort int port;
  @Autowired EdgeProperties properties;
  @Autowired MockMvc mvc;

  private final ObjectMapper json = new ObjectMapper();
  private RealHttp http;
  private int limit;

  @BeforeEach
  void connect() {
    http = new RealHttp(port);
    limit = Math.toIntExact(properties.maxRequestBody().toBytes());
  }

  @Test
  void theDefaultLimitIs64KiB() {
    EdgeProperties defaults =
        new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("lotus.http", EdgeProperties.class);

    assertThat(defaults.maxRequestBody()).isEqualTo(DataSize.ofKilobytes(64));
  }

  @Test
  void refusesADeclaredLengthOverTheLimitBeforeReadingIt() throws Exception {
    assertTooLarge(register(registration(limit + 1), declared(registration(limit + 1))));
    assertTooLarge(register(registration(3 << 20), declared(registration(3 << 20))));
  }

  @Test
  void refusesAChunkedBodyOnceItGrowsPastTheLimit() throws Exception {
    assertTooLarge(register(registration(limit + 1), chunked(registration(limit + 1))));
    assertTooLarge(register(registration(3 << 19), chunked(registration(3 << 19))));
  }

  @Test
  void refusesALargeBodyEvenWhereNoBodyIsRead() throws Exception {
    String bearer = Users.newUser(mvc).bearer();
    byte[] body = new byte[limit + 1];

    assertTooLarge(
        http.send(http.to("/order").header("Authorization", bearer).method("GET", chunked(body))));
    assertTooLarge(http.send(http.to("/.well-known/jwks.json").method("GET", declared(body))));
  }

  @Test
  void acceptsABodyOfExactlyTheLimitEitherWay() throws Exception {
    assertThat(register(registration(limit), declared(registration(limit))).statusCode())
        .isEqualTo(201);
    assertThat(register(registration(limit), chunked(registration(limit))).statusCode())
        .isEqualTo(201);
  }

  private HttpResponse<String> register(byte[] body, BodyPublisher publisher) throws Exception {
    return http.send(
        http.to("/profile/register").header("Content-Type", "application/json").POST(publisher));
  }

  /** A valid registration, padded with white space to exactly {@code size} bytes. */
  private byte[] registration(int size) throws Exception {
    String valid =
        json.writeValueAsString(Map.of("email", Users.newEmail(), "password", Users.PASSWORD));
    return (" ".repeat(size - valid.length()) + valid).getBytes(StandardCharsets.UTF_8);
  }

  private static BodyPublisher declared(byte[] body) {
    return BodyPublishers.ofByteArray(body);
  }

  /** Unknown length, so the client sends it in chunks. */
  private static BodyPublisher chunked(byte[] body) {
    return BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body));
  }

  private void assertTooLarge(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).isEqualTo(413);
    assertThat(response.headers().firstValue("Content-Type")).contains("application/problem+json");
    assertThat(json.readTree(response.body()).get("detail").asText())
        .isEqualTo("The request body is larger than " + limit + " bytes");
  }
}
