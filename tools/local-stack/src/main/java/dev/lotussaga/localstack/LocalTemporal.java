package dev.lotussaga.localstack;

import io.grpc.Grpc;
import io.grpc.InsecureServerCredentials;
import io.grpc.Server;
import io.grpc.ServerBuilder;
import io.temporal.internal.testservice.GRPCServerHelper;
import io.temporal.internal.testservice.TestServicesStarter;
import java.io.IOException;
import java.util.concurrent.TimeUnit;

/**
 * Temporal's test server on a port, as {@code TestServer.createPortBoundServer} starts it, but with
 * the order search attributes registered before the port opens. A client that reached the server in
 * between had its start refused for an unknown attribute, and the test server keeps such a refused
 * workflow id as taken while it cannot describe it: the order's every later start or re-drive was
 * then refused as "already started" (seen as two stranded orders in the fault suite's Temporal
 * restart).
 */
final class LocalTemporal implements AutoCloseable {

  private final TestServicesStarter services;
  private final Server server;

  private LocalTemporal(TestServicesStarter services, Server server) {
    this.services = services;
    this.server = server;
  }

  static LocalTemporal start(int port) throws IOException {
    // time skipping locked: timers run in real time, as on a real server
    TestServicesStarter services = new TestServicesStarter(true, 0);
    try {
      OrderSearchAttributeRegistration.register(services.getOperatorService());
      ServerBuilder<?> builder =
          Grpc.newServerBuilderForPort(port, InsecureServerCredentials.create());
      GRPCServerHelper.registerServicesAndHealthChecks(services.getServices(), builder);
      return new LocalTemporal(services, builder.build().start());
    } catch (IOException | RuntimeException e) {
      services.close();
      throw e;
    }
  }

  TestServicesStarter services() {
    return services;
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdown();
    if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
      server.shutdownNow();
    }
    services.close();
  }
}
