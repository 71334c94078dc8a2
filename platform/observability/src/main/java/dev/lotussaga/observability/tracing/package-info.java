/**
 * Tracing across the services with OpenTelemetry, exported by OTLP; off unless {@code
 * management.tracing.enabled=true}. Spring Boot, Spring Kafka and Temporal's starter do the
 * tracing; this package only decides whether they may.
 */
package dev.lotussaga.observability.tracing;
