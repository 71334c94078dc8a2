package dev.lotussaga.gateway.edge;

import org.apache.catalina.Host;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorReportValve} in place of the error report valves Tomcat and Spring Boot
 * install on the host. Runs after Boot's own customizer, whose valve it removes.
 */
@Component
class TomcatErrorReports
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Host host = (Host) context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.getPipeline().addValve(new ProblemErrorReportValve());
          if (host instanceof StandardHost standard) {
            // Otherwise the host adds Tomcat's HTML valve at start, found by class name.
            standard.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
