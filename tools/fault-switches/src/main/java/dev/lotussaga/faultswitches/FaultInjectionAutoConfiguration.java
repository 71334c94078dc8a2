package dev.lotussaga.faultswitches;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/** Registers the fault interceptors with Temporal's client and workers when switched on. */
@AutoConfiguration
@ConditionalOnProperty(name = "lotus.faults.enabled", havingValue = "true")
@EnableConfigurationProperties(FaultInjectionProperties.class)
public class FaultInjectionAutoConfiguration {

  private static final Logger log = LoggerFactory.getLogger(FaultInjectionAutoConfiguration.class);

  @Bean
  DuplicatedSignals duplicatedSignals(FaultInjectionProperties faults) {
    log.warn("FAULT INJECTION ON: {} (never in production)", faults);
    return new DuplicatedSignals(faults.signalCopies());
  }

  @Bean
  ActivityFaults activityFaults(FaultInjectionProperties faults) {
    return new ActivityFaults(faults.activityRuns(), faults.lostAnswerPercent());
  }
}
