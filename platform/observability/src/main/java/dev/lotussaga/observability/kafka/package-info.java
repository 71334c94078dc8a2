/**
 * Kafka consumers that lose nothing: a record that fails for a passing reason (the database or the
 * broker down) is retried with back-off for as long as it takes, holding back the records behind it
 * in its partition; a record that can never be processed (unreadable, or an order event without
 * what every consumer needs) goes to the dead-letter topic {@code <topic>.DLT} with its original
 * bytes and its error, and is counted and logged. Registers where spring-kafka is on the classpath.
 */
package dev.lotussaga.observability.kafka;
