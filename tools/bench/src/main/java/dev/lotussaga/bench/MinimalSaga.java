package dev.lotussaga.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The yardstick: the simplest Temporal saga doing the same job as ours, on the same Temporal, Kafka
 * and PostgreSQL, with its client, worker and consumer in this JVM. An order is one row inserted in
 * one transaction, then its workflow started; it is finished when its ORDER_IN_DELIVERY event is
 * stored by the consumer. Payloads are encrypted with the stack's key, as the saga's are ({@link
 * BaselineWorker}).
 */
final class MinimalSaga implements OrderFlow, AutoCloseable {

  private static final long PRICE = 100;

  private final HikariDataSource db;
  private final Producer<String, String> events;
  private final MinimalEventStore store;
  private final BaselineWorker temporal;
  private final DeliveryWatch deliveries;
  private final int buyers;
  private final TemporalWork.LastFinished lastFinished = new TemporalWork.LastFinished(50);

  MinimalSaga(BenchSettings settings) throws Exception {
    this.buyers = settings.users();
    HikariConfig pool = new HikariConfig();
    pool.setJdbcUrl(settings.databaseUrl());
    pool.setUsername(settings.databaseUser());
    pool.setPassword(settings.databasePassword());
    pool.setPoolName("bench-minimal");
    // One pool for what the saga spreads over six (10 connections each, Hikari's default): the
    // clients' order inserts, the worker's 16 activity slots and the consumer.
    pool.setMaximumPoolSize(32);
    this.db = new HikariDataSource(pool);
    MinimalSchema.create(db, buyers);
    createTopic(settings.kafkaBootstrap());
    this.events =
        new KafkaProducer<>(
            Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                settings.kafkaBootstrap(),
                ProducerConfig.ACKS_CONFIG,
                "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG,
                true,
                ProducerConfig.LINGER_MS_CONFIG,
                0),
            new StringSerializer(),
            new StringSerializer());
    this.store = new MinimalEventStore(settings.kafkaBootstrap(), db);
    this.temporal = new BaselineWorker(settings, MinimalOrderWorkflow.TASK_QUEUE);
    temporal.start(MinimalOrderWorkflowImpl.class, new MinimalOrderStepsImpl(db, events));
    this.deliveries =
        new DeliveryWatch(
            settings,
            "select order_id from bench_minimal.order_event"
                + " where type = 'ORDER_IN_DELIVERY' and order_id = any (?)",
            "minimal-delivery-watch");
  }

  DeliveryWatch deliveries() {
    return deliveries;
  }

  @Override
  public String place(int buyer) throws Exception {
    MinimalOrder order = new MinimalOrder(UUID.randomUUID().toString(), buyer % buyers, 1, PRICE);
    try (Connection c = db.getConnection();
        PreparedStatement insert =
            c.prepareStatement(
                "insert into bench_minimal.customer_order (order_id, buyer, product, price, status)"
                    + " values (?, ?, ?, ?, 'PLACED')")) {
      insert.setString(1, order.orderId());
      insert.setLong(2, order.buyer());
      insert.setInt(3, order.product());
      insert.setLong(4, order.price());
      insert.executeUpdate();
    }
    MinimalOrderWorkflow workflow =
        temporal
            .client()
            .newWorkflowStub(
                MinimalOrderWorkflow.class,
                WorkflowOptions.newBuilder()
                    .setTaskQueue(MinimalOrderWorkflow.TASK_QUEUE)
                    .setWorkflowId(workflowId(order.orderId()))
                    .build());
    WorkflowClient.start(workflow::place, order);
    return order.orderId();
  }

  @Override
  public CompletableFuture<Long> finished(String orderId) {
    return deliveries
        .deliveredAt(orderId)
        .thenApply(
            at -> {
              lastFinished.add(workflowId(orderId));
              return at;
            });
  }

  TemporalWork.LastFinished lastFinished() {
    return lastFinished;
  }

  WorkflowClient client() {
    return temporal.client();
  }

  private static String workflowId(String orderId) {
    return "minimal-" + orderId;
  }

  @Override
  public void forget(String orderId) {
    deliveries.forget(orderId);
  }

  private static void createTopic(String bootstrapServers) throws Exception {
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
      // three partitions, as the saga's topic has
      admin
          .createTopics(List.of(new NewTopic(MinimalOrderStepsImpl.TOPIC, 3, (short) 1)))
          .all()
          .get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (!(e.getCause() instanceof TopicExistsException)) {
        throw e;
      }
    }
  }

  @Override
  public void close() throws Exception {
    temporal.close();
    store.close();
    events.close();
    deliveries.close();
    db.close();
  }
}
