package dev.lotussaga.web.auth;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.text.ParseException;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Turned on by {@code lotus.internal-auth.audience}, which each internal service sets and the
 * gateway does not. Everything but health, info and metrics needs a token.
 */
@AutoConfiguration(
    beforeName = {
      "org.springframework.boot.autoconfigure.security.servlet.SecurityAutoConfiguration",
      "org.springframework.boot.actuate.autoconfigure.security.servlet"
          + ".ManagementWebSecurityAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.oauth2.resource.servlet"
          + ".OAuth2ResourceServerAutoConfiguration",
      "org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration"
    })
@ConditionalOnClass(JwtDecoder.class)
@ConditionalOnProperty("lotus.internal-auth.audience")
@EnableConfigurationProperties(InternalAuthProperties.class)
@EnableWebSecurity
public class InternalAuthAutoConfiguration {

  @Bean
  SecurityFilterChain internalApi(HttpSecurity http, ObjectMapper json) throws Exception {
    AuthProblems problems = new AuthProblems(json);
    return http.csrf(csrf -> csrf.disable())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        "/actuator/health",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/error")
                    .permitAll()
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> {})
                    .authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(problems::unauthorized)
                    .accessDeniedHandler(problems::forbidden))
        .build();
  }

  @Bean
  RequestRejectedHandler requestRejected(ObjectMapper json) {
    return new AuthProblems(json)::rejected;
  }

  /** RS256 from the gateway's keys, from our issuer, for this service, within its minute. */
  @Bean
  JwtDecoder internalTokenDecoder(InternalAuthProperties properties) throws ParseException {
    NimbusJwtDecoder decoder;
    if (properties.jwkSet() != null && !properties.jwkSet().isBlank()) {
      DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
      processor.setJWSKeySelector(
          new JWSVerificationKeySelector<>(
              JWSAlgorithm.RS256, new ImmutableJWKSet<>(JWKSet.parse(properties.jwkSet()))));
      decoder = new NimbusJwtDecoder(processor);
    } else {
      decoder =
          NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
              .jwsAlgorithm(SignatureAlgorithm.RS256)
              .build();
    }
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<List<String>>(
            "aud", aud -> aud != null && aud.contains(properties.audience()));
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(properties.clockSkew()),
            new JwtIssuerValidator(properties.issuer()),
            audience));
    return decoder;
  }

  @Bean
  WebMvcConfigurer internalCallerArgument() {
    return new WebMvcConfigurer() {
      @Override
      public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new InternalCallerResolver());
      }
    };
  }
}
