package dev.lotussaga.gateway.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import dev.lotussaga.gateway.session.LiveSessions;
import dev.lotussaga.web.ProblemJson;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.firewall.RequestRejectedHandler;

@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

  @Bean
  SecurityFilterChain api(HttpSecurity http, ObjectMapper json, LiveSessions sessions)
      throws Exception {
    return http.csrf(csrf -> csrf.disable())
        // Written for every answer, early refusals included, by the edge's SecurityHeaders.
        .headers(headers -> headers.disable())
        // Only /codec answers another origin, the Web UI's when configured (codec.CodecCors).
        .cors(Customizer.withDefaults())
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(
            requests ->
                requests
                    .requestMatchers(
                        HttpMethod.POST, "/profile/register", "/profile/login", "/profile/refresh")
                    .permitAll()
                    .requestMatchers(
                        "/.well-known/jwks.json",
                        "/actuator/health/**",
                        "/actuator/info",
                        "/actuator/prometheus",
                        "/error")
                    .permitAll()
                    // The timeline page's own files; the data behind it needs a token.
                    .requestMatchers(HttpMethod.GET, "/ui", "/ui/", "/ui/**")
                    .permitAll()
                    // The API reference and Swagger UI (apidocs package).
                    .requestMatchers(
                        HttpMethod.GET,
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                    .permitAll()
                    .requestMatchers(HttpMethod.PUT, "/stock/add", "/delivery/accept")
                    .hasRole("STAFF")
                    .requestMatchers("/admin/**", "/codec/**")
                    .hasRole("STAFF")
                    .anyRequest()
                    .authenticated())
        .oauth2ResourceServer(
            server ->
                server
                    .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromToken()))
                    .authenticationEntryPoint(
                        (request, response, e) ->
                            problem(
                                json,
                                request,
                                response,
                                HttpStatus.UNAUTHORIZED,
                                "A valid bearer token is required: " + e.getMessage()))
                    .accessDeniedHandler(
                        (request, response, e) ->
                            problem(
                                json,
                                request,
                                response,
                                HttpStatus.FORBIDDEN,
                                "This operation is for staff only")))
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(
                    (request, response, e) ->
                        problem(
                            json,
                            request,
                            response,
                            HttpStatus.UNAUTHORIZED,
                            "A bearer token is required")))
        .addFilterAfter(new LiveSessionCheck(sessions, json), BearerTokenAuthenticationFilter.class)
        .build();
  }

  /**
   * Requests the firewall refuses (unknown methods such as TRACE, {@code ;} or encoded {@code /} in
   * the path, control characters in headers) are answered here, as a problem; Spring Security's
   * default sends a bare error that the firewall would refuse again on the error page.
   */
  @Bean
  RequestRejectedHandler requestRejected(ObjectMapper json) {
    return (request, response, e) ->
        ProblemJson.write(
            json,
            request,
            response,
            HttpStatus.BAD_REQUEST,
            "The request was refused: its method, path or headers are not allowed here");
  }

  /**
   * Only RS256 signed by one of our keys, from our issuer, for our audience, within its validity.
   */
  @Bean
  JwtDecoder jwtDecoder(SigningKeys keys, JwtProperties properties) {
    DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    processor.setJWSKeySelector(
        new JWSVerificationKeySelector<>(
            JWSAlgorithm.RS256, new ImmutableJWKSet<>(keys.publicSet())));
    NimbusJwtDecoder decoder = new NimbusJwtDecoder(processor);
    OAuth2TokenValidator<Jwt> audience =
        new JwtClaimValidator<java.util.List<String>>(
            "aud", aud -> aud != null && aud.contains(properties.audience()));
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            JwtValidators.createDefaultWithIssuer(properties.issuer()), audience));
    return decoder;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  private static JwtAuthenticationConverter rolesFromToken() {
    JwtGrantedAuthoritiesConverter roles = new JwtGrantedAuthoritiesConverter();
    roles.setAuthoritiesClaimName(TokenIssuer.ROLES_CLAIM);
    roles.setAuthorityPrefix("ROLE_");
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(roles);
    return converter;
  }

  private static void problem(
      ObjectMapper json,
      HttpServletRequest request,
      HttpServletResponse response,
      HttpStatus status,
      String detail)
      throws IOException {
    if (status == HttpStatus.UNAUTHORIZED) {
      response.setHeader("WWW-Authenticate", "Bearer");
    }
    ProblemJson.write(json, request, response, status, detail);
  }
}
