/** Publication of order events to Kafka, as an activity of the saga's own worker. */
package dev.lotussaga.workflows.events;
