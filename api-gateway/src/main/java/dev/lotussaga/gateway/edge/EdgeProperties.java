package dev.lotussaga.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param maxRequestBody the largest request body accepted (declared or chunked); the gateway's
 *     requests are small JSON documents and query parameters, so anything larger is refused with
 *     413 before a handler, or the security filters, see it
 */
@ConfigurationProperties("lotus.http")
record EdgeProperties(@DefaultValue("64KB") DataSize maxRequestBody) {}
