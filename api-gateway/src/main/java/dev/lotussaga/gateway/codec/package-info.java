/**
 * Temporal's remote codec protocol ({@code POST /codec/encode}, {@code /codec/decode}) for staff,
 * so that the Temporal CLI ({@code --codec-endpoint}) and Web UI show the encrypted payloads of
 * platform/codec in plain text; CORS for the one Web UI origin configured.
 */
package dev.lotussaga.gateway.codec;
