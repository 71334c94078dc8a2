/**
 * Orders: placing one starts its OrderWorkflow; reading one queries the workflow, with the last
 * state seen on Kafka as the answer when the workflow cannot be asked.
 */
package dev.lotussaga.gateway.order;
