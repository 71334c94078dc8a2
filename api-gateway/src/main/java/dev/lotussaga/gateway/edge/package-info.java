/**
 * The HTTP edge, ahead of every controller: the request body limit, the security headers on every
 * answer, and problem+json for the errors that never reach a controller (Spring's error page and
 * Tomcat's own error reports).
 */
package dev.lotussaga.gateway.edge;
