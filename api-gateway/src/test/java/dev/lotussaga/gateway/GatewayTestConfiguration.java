package dev.lotussaga.gateway;

import dev.lotussaga.contracts.order.OrderSearchAttributes;
import io.temporal.testing.TestWorkflowEnvironment;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
class GatewayTestConfiguration {

  /**
   * Read by the login and registration throttles and by sessions (refresh token expiry, how long a
   * session check is remembered); tests move it instead of sleeping.
   */
  @Bean
  MovableClock clock() {
    return new MovableClock();
  }

  /**
   * As the local stack and the Helm chart do for their Temporal. The test server, unlike a real
   * one, does not refuse a start with unknown attributes but leaves a broken execution behind.
   */
  @Bean
  InitializingBean orderSearchAttributes(TestWorkflowEnvironment temporal) {
    return () ->
        OrderSearchAttributes.ALL.forEach(
            key -> temporal.registerSearchAttribute(key.getName(), key.getValueType()));
  }

  @Bean(destroyMethod = "stop")
  StandInServices standInServices() {
    return StandInServices.start();
  }

  @Bean
  DynamicPropertyRegistrar standInServiceUrls(StandInServices services) {
    return registry -> {
      for (String service : new String[] {"billing", "stock", "delivery", "notification"}) {
        registry.add("lotus.services." + service, services::url);
      }
    };
  }
}
