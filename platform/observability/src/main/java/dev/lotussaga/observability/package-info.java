/**
 * What every service needs to be operated: readiness that covers Kafka and Temporal as well as the
 * database, and the order and workflow id in every log line that concerns an order.
 */
package dev.lotussaga.observability;
