package dev.lotussaga.gateway.system;

import java.net.URI;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Base URLs of the internal APIs the gateway fronts. */
@ConfigurationProperties("lotus.services")
public record ServiceUrls(URI billing, URI stock, URI delivery, URI notification) {}
