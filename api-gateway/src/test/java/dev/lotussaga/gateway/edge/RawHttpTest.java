package dev.lotussaga.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.RealHttp;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Requests no HTTP client library would send, written byte for byte. Tomcat refuses most of them
 * before Spring sees them; the answer is still a bare problem, without server name, version or
 * stack trace.
 */
@GatewayTest
class RawHttpTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort int port;

  static Stream<Arguments> malformedRequests() {
    String host = "Host: localhost\r\nConnection: close\r\n";
    return Stream.of(
        Arguments.of("an invalid percent escape", "GET /%zz HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of(
            "markup in the path",
            "GET /<script>alert(1)</script> HTTP/1.1\r\n" + host + "\r\n",
            400),
        Arguments.of("markup in the query", "GET /order?x=<'> HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of("an encoded NUL", "GET /order/%00 HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of(
            "an encoded slash", "GET /order/..%2F..%2Fetc HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of(
            "an encoded dot segment", "GET /order/%2e%2e/x HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of(
            "a path parameter", "GET /order;jsessionid=1 HTTP/1.1\r\n" + host + "\r\n", 400),
        Arguments.of("a request line of garbage", "GARBAGE\r\n\r\n", 400),
        Arguments.of("no Host header", "GET /order HTTP/1.1\r\nConnection: close\r\n\r\n", 400),
        Arguments.of(
            "a control character in a header",
            "GET /order HTTP/1.1\r\n" + host + "X-A: a\u0001b\r\n\r\n",
            400),
        // Tomcat unfolds an obsolete folded line, as HTTP allows; the request then needs a token.
        Arguments.of(
            "a folded header line", "GET /order HTTP/1.1\r\n" + host + "X-A: a\r\n b\r\n\r\n", 401),
        Arguments.of(
            "a header over 8 KiB",
            "GET /order HTTP/1.1\r\n" + host + "X-Big: " + "a".repeat(20_000) + "\r\n\r\n",
            400),
        Arguments.of(
            "a negative Content-Length",
            "POST /profile/login HTTP/1.1\r\n" + host + "Content-Length: -1\r\n\r\n",
            400),
        Arguments.of(
            "two different Content-Lengths",
            "POST /profile/login HTTP/1.1\r\n"
                + host
                + "Content-Length: 2\r\nContent-Length: 3\r\n\r\n{}",
            400),
        Arguments.of("TRACE", "TRACE /order HTTP/1.1\r\n" + host + "\r\n", 400),
        // What HTTP itself prescribes for a transfer coding or version the server does not know.
        Arguments.of(
            "an unknown transfer coding",
            "POST /profile/login HTTP/1.1\r\n" + host + "Transfer-Encoding: gzip\r\n\r\n",
            501),
        Arguments.of("an unknown HTTP version", "GET /order HTTP/9.9\r\n" + host + "\r\n", 505));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("malformedRequests")
  void isAnsweredWithABareProblem(String what, String request, int status) throws Exception {
    String answer = new RealHttp(port).raw(request);
    String head = answer.substring(0, answer.indexOf("\r\n\r\n"));
    String body = answer.substring(answer.indexOf("\r\n\r\n") + 4);

    assertThat(head).startsWith("HTTP/1.1 " + status);
    assertThat(head).containsIgnoringCase("Content-Type: application/problem+json");
    assertThat(head).doesNotContainIgnoringCase("\r\nServer:");
    assertThat(answer).doesNotContain("Tomcat", "Exception", "\tat ", "<html");
    String json = body.substring(body.indexOf('{'), body.lastIndexOf('}') + 1);
    assertThat(JSON.readTree(json).get("status").asInt()).isEqualTo(status);
  }
}
