package dev.lotussaga.localstack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

final class LoopbackPorts {

  private LoopbackPorts() {}

  static int free() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
