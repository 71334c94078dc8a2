/**
 * The services' connection to Temporal's frontend over TLS, with a client certificate when the
 * server asks for one (mutual TLS): set from files, so that a Kubernetes Secret can be mounted.
 */
package dev.lotussaga.observability.temporal;
