/** Cross-cutting plumbing: error responses and the clients of the downstream services. */
package dev.lotussaga.gateway.system;
