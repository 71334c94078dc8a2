package dev.lotussaga.gateway;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

@TestConfiguration(proxyBeanMethods = false)
class GatewayTestConfiguration {

  /** Only the login throttle reads the clock; tests move it instead of sleeping. */
  @Bean
  MovableClock clock() {
    return new MovableClock();
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
