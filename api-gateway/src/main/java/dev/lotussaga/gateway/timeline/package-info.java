/**
 * The order timeline: every state, wait, signal, update, timer and activity of an order with its
 * time, read from its workflow's history through the Temporal client (or from the state changes the
 * gateway stored when Temporal cannot tell), and the page under /ui that shows it, a small stand-in
 * for the Temporal Web UI on the local stack.
 */
package dev.lotussaga.gateway.timeline;
