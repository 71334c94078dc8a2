package dev.lotussaga.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

/**
 * What PostgreSQL and Kafka did, read from their own counters, so that CPU per order can be told
 * apart from work per order: write transactions (transaction ids handed out) and WAL bytes for the
 * whole PostgreSQL cluster, records appended to every topic but Kafka's internal ones. Like the CPU
 * figures, these count whatever else runs on the cluster and the broker.
 */
final class InfrastructureWork implements AutoCloseable {

  static final String WRITE_TRANSACTIONS = "PostgreSQL write transactions";
  static final String WAL_BYTES = "PostgreSQL WAL (bytes)";
  static final String KAFKA_RECORDS = "Kafka records appended";

  private final Connection database;
  private final Admin kafka;

  InfrastructureWork(BenchSettings settings) throws SQLException {
    this.database =
        DriverManager.getConnection(
            settings.databaseUrl(), settings.databaseUser(), settings.databasePassword());
    this.kafka =
        Admin.create(
            Map.<String, Object>of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrap()));
  }

  /**
   * The counters now. Reading the transaction id hands one out, so a difference between two samples
   * is one more than the transactions in between: {@link #between} takes it off.
   */
  Map<String, Double> sample() {
    Map<String, Double> sample = new LinkedHashMap<>();
    try (Statement query = database.createStatement();
        ResultSet row =
            query.executeQuery(
                "select pg_current_xact_id()::text::bigint,"
                    + " pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint")) {
      row.next();
      sample.put(WRITE_TRANSACTIONS, (double) row.getLong(1));
      sample.put(WAL_BYTES, (double) row.getLong(2));
    } catch (SQLException e) {
      // a role that may not read them: the work is then not measured, the rest of the run is
      sample.put(WRITE_TRANSACTIONS, Double.NaN);
      sample.put(WAL_BYTES, Double.NaN);
    }
    sample.put(KAFKA_RECORDS, (double) recordsAppended());
    return sample;
  }

  /** What was done between two samples. */
  static Map<String, Double> between(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> done = new LinkedHashMap<>();
    before.forEach((name, value) -> done.put(name, after.get(name) - value));
    done.computeIfPresent(WRITE_TRANSACTIONS, (name, transactions) -> transactions - 1);
    return done;
  }

  private long recordsAppended() {
    try {
      var topics = kafka.listTopics().names().get(10, TimeUnit.SECONDS);
      Map<String, TopicDescription> described =
          kafka.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
      Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
      described.forEach(
          (topic, description) ->
              description
                  .partitions()
                  .forEach(
                      p ->
                          latest.put(
                              new TopicPartition(topic, p.partition()), OffsetSpec.latest())));
      return kafka.listOffsets(latest).all().get(10, TimeUnit.SECONDS).values().stream()
          .mapToLong(offsets -> offsets.offset())
          .sum();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading Kafka's end offsets", e);
    } catch (ExecutionException | TimeoutException e) {
      throw new IllegalStateException("Kafka's end offsets could not be read", e);
    }
  }

  @Override
  public void close() throws SQLException {
    kafka.close();
    database.close();
  }
}
