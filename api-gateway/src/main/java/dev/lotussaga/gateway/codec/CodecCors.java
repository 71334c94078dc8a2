package dev.lotussaga.gateway.codec;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

@Configuration(proxyBeanMethods = false)
class CodecCors {

  /**
   * The Web UI calls /codec from the browser with the staff member's token and the namespace in
   * {@code X-Namespace}. Spring Security's CORS filter takes the bean by this name and answers the
   * preflight itself, before any token is asked for; nothing else in the API is cross-origin.
   */
  @Bean
  CorsConfigurationSource corsConfigurationSource(CodecProperties codec) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    if (codec.allowsCrossOrigin()) {
      CorsConfiguration webUi = new CorsConfiguration();
      webUi.setAllowedOrigins(List.of(codec.corsOrigin().strip()));
      webUi.setAllowedMethods(List.of("POST"));
      webUi.setAllowedHeaders(List.of("Authorization", "Content-Type", "X-Namespace"));
      // The Web UI's "include cross-origin credentials" setting; the token is still required.
      webUi.setAllowCredentials(true);
      webUi.setMaxAge(Duration.ofHours(1));
      source.registerCorsConfiguration("/codec/**", webUi);
    }
    return source;
  }
}
