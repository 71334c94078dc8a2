/**
 * The API reference, generated from the controllers by springdoc: the OpenAPI 3 document at
 * /v3/api-docs and Swagger UI at /swagger-ui.html. The controllers say what is particular to them
 * (an operation open to anyone, a 404 or 409 of their own); this package adds what every operation
 * shares: the bearer scheme, the problem+json answers and a tag per feature.
 */
package dev.lotussaga.gateway.apidocs;
