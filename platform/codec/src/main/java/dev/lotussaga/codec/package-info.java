/**
 * Encryption of the payloads the saga gives Temporal (AES-256-GCM, keys by id so that they rotate),
 * for the services' Temporal starter, the tools' own clients, the tests and the gateway's codec
 * endpoint.
 */
package dev.lotussaga.codec;
