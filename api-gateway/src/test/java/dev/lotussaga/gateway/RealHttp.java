package dev.lotussaga.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Requests over a real socket to the gateway's random port, for what MockMvc cannot show: Tomcat's
 * own handling, chunked bodies, the headers on the wire.
 */
public final class RealHttp {

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  private final int port;

  public RealHttp(int port) {
    this.port = port;
  }

  public HttpRequest.Builder to(String pathAndQuery) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
        .timeout(Duration.ofSeconds(30));
  }

  public HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return client.send(request.build(), BodyHandlers.ofString());
  }

  /** Writes the bytes exactly as given and reads whatever comes back until the server closes. */
  public String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(5_000);
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      socket.getOutputStream().flush();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buffer = new byte[8192];
      try {
        for (int read; (read = in.read(buffer)) > 0; ) {
          answer.write(buffer, 0, read);
        }
      } catch (SocketTimeoutException stillOpen) {
        // the answer is complete; the server keeps the connection for another request
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    }
  }
}
