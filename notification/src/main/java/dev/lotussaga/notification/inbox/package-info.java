/**
 * The buyers' notification inbox: fed from Kafka, deduplicated by event id, read by the gateway.
 */
package dev.lotussaga.notification.inbox;
