package dev.lotussaga.localstack;

import dev.lotussaga.contracts.events.OrderEventActivities;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.metadata.storage.Formatter;

/**
 * A single-node Kafka broker in KRaft mode (broker and controller in one) on 127.0.0.1.
 *
 * <p>Plain {@link KafkaRaftServer} rather than Spring's {@code EmbeddedKafkaKraftBroker}, because
 * that one formats fresh temp folders on every start: given a data directory, this one formats it
 * once and reuses it afterwards, so topics, events and committed offsets survive a restart (even
 * after kill -9), which the fault suite relies on. Without one it uses a temp directory that a
 * clean stop deletes.
 */
final class LocalKafka implements AutoCloseable {

  static final String ORDER_EVENTS_TOPIC = OrderEventActivities.TOPIC;

  /** Where the consumers put the order events they can never process (platform/observability). */
  static final String ORDER_EVENTS_DEAD_LETTERS = ORDER_EVENTS_TOPIC + ".DLT";

  private static final int NODE_ID = 1;
  private static final String CONTROLLER_LISTENER = "CONTROLLER";

  private final KafkaRaftServer server;
  private final String bootstrapServers;
  private final Optional<Path> throwawayDirectory;

  private LocalKafka(
      KafkaRaftServer server, String bootstrapServers, Optional<Path> throwawayDirectory) {
    this.server = server;
    this.bootstrapServers = bootstrapServers;
    this.throwawayDirectory = throwawayDirectory;
  }

  /**
   * Starts the broker on {@code port}, keeping its data in {@code dataDirectory} if given, and
   * creates {@value #ORDER_EVENTS_TOPIC} and {@value #ORDER_EVENTS_DEAD_LETTERS} if absent. Returns
   * once the broker takes requests.
   */
  static LocalKafka start(int port, Optional<Path> dataDirectory) throws Exception {
    Path directory =
        dataDirectory.isPresent()
            ? Files.createDirectories(dataDirectory.get().toAbsolutePath())
            : Files.createTempDirectory("lotus-kafka-");
    // The controller port may change between restarts: with a static voter set (kraft.version 0)
    // the voters' addresses come from the config, not from the stored metadata.
    KafkaConfig config = KafkaConfig.fromProps(properties(port, freePort(), directory));
    if (!Files.exists(directory.resolve("meta.properties"))) {
      format(directory);
    }
    KafkaRaftServer server = new KafkaRaftServer(config, Time.SYSTEM);
    var kafka =
        new LocalKafka(
            server,
            "127.0.0.1:" + port,
            dataDirectory.isPresent() ? Optional.empty() : Optional.of(directory));
    try {
      server.startup();
      kafka.createTopicIfAbsent(ORDER_EVENTS_TOPIC, 3);
      kafka.createTopicIfAbsent(ORDER_EVENTS_DEAD_LETTERS, 3);
    } catch (Exception e) {
      try {
        kafka.close();
      } catch (Exception closing) {
        e.addSuppressed(closing);
      }
      throw e;
    }
    return kafka;
  }

  String bootstrapServers() {
    return bootstrapServers;
  }

  /** Stops the broker with a controlled shutdown and deletes a throwaway data directory. */
  @Override
  public void close() throws IOException {
    server.shutdown();
    server.awaitShutdown();
    if (throwawayDirectory.isPresent()) {
      Utils.delete(throwawayDirectory.get().toFile());
    }
  }

  private static Properties properties(int port, int controllerPort, Path directory) {
    var properties = new Properties();
    properties.putAll(
        Map.ofEntries(
            Map.entry("process.roles", "broker,controller"),
            Map.entry("node.id", String.valueOf(NODE_ID)),
            Map.entry("controller.quorum.voters", NODE_ID + "@127.0.0.1:" + controllerPort),
            Map.entry("controller.listener.names", CONTROLLER_LISTENER),
            Map.entry(
                "listeners",
                "PLAINTEXT://127.0.0.1:"
                    + port
                    + ","
                    + CONTROLLER_LISTENER
                    + "://127.0.0.1:"
                    + controllerPort),
            Map.entry("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port),
            Map.entry("inter.broker.listener.name", "PLAINTEXT"),
            Map.entry(
                "listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT," + CONTROLLER_LISTENER + ":PLAINTEXT"),
            Map.entry("log.dirs", directory.toString()),
            Map.entry("auto.create.topics.enable", "true"),
            Map.entry("num.partitions", "3"),
            // One node: internal topics cannot have more replicas than that.
            Map.entry("offsets.topic.replication.factor", "1"),
            Map.entry("transaction.state.log.replication.factor", "1"),
            Map.entry("transaction.state.log.min.isr", "1"),
            // Consumers of a new group get their partitions at once instead of after 3 s.
            Map.entry("group.initial.rebalance.delay.ms", "0"),
            // After kill -9 the restarted controller refuses the new broker registration until the
            // dead one's session expires: 3 s instead of 9 s.
            Map.entry("broker.heartbeat.interval.ms", "500"),
            Map.entry("broker.session.timeout.ms", "3000"),
            // The compaction map of __consumer_offsets is allocated whole on start: 8 MB, not 128.
            Map.entry("log.cleaner.dedupe.buffer.size", String.valueOf(8 * 1024 * 1024))));
    return properties;
  }

  /** What {@code kafka-storage.sh format} does: meta.properties plus the bootstrap metadata. */
  private static void format(Path directory) throws Exception {
    new Formatter()
        .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
        .setNodeId(NODE_ID)
        .setClusterId(Uuid.randomUuid().toString())
        .setControllerListenerName(CONTROLLER_LISTENER)
        .setMetadataLogDirectory(directory.toString())
        .addDirectory(directory.toString())
        .run();
  }

  private void createTopicIfAbsent(String name, int partitions) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      admin
          .createTopics(List.of(new NewTopic(name, partitions, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  private static int freePort() throws IOException {
    try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
