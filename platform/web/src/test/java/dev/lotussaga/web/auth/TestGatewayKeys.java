package dev.lotussaga.web.auth;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * In every service's tests (through this test jar's spring.factories): the services verify internal
 * tokens against {@link InternalTokens}' key instead of fetching a running gateway's. Added last,
 * so a test can still set {@code lotus.internal-auth.jwk-set} or {@code jwk-set-uri} itself.
 */
public class TestGatewayKeys implements EnvironmentPostProcessor {

  @Override
  public void postProcessEnvironment(
      ConfigurableEnvironment environment, SpringApplication application) {
    environment
        .getPropertySources()
        .addLast(
            new MapPropertySource(
                "test-gateway-keys",
                Map.of("lotus.internal-auth.jwk-set", InternalTokens.publicJwkSet())));
  }
}
