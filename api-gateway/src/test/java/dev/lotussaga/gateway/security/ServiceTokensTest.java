package dev.lotussaga.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.StandInServices;
import dev.lotussaga.gateway.Users;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Every call to an internal service carries a token for that service alone, naming the caller and
 * their role, living a minute, signed by a key the gateway publishes.
 */
@GatewayTest
class ServiceTokensTest {

  @Autowired MockMvc http;
  @Autowired StandInServices services;

  @Test
  void aBuyersCallsCarryTheirIdentityForEachServiceAlone() throws Exception {
    Users.SignedIn buyer = Users.newUser(http);
    int before = services.tokens().size();

    http.perform(
            post("/billing/add-money").param("money", "5").header("Authorization", buyer.bearer()))
        .andExpect(status().isOk());
    http.perform(get("/notification").header("Authorization", buyer.bearer()))
        .andExpect(status().isOk());

    List<SignedJWT> sent = services.tokens().subList(before, services.tokens().size());
    assertThat(sent).hasSize(2);
    assertIssuedFor(sent.get(0), "lotus-billing", buyer.id(), "USER");
    assertIssuedFor(sent.get(1), "lotus-notification", buyer.id(), "USER");
  }

  @Test
  void staffActionsCarryTheStaffRole() throws Exception {
    Users.SignedIn member = Users.login(http, "staff@lotus.local", "lotus-staff-local");
    int before = services.tokens().size();

    http.perform(
            put("/stock/add")
                .param("idSubscription", "1")
                .param("count", "1")
                .header("Authorization", member.bearer()))
        .andExpect(status().isOk());

    List<SignedJWT> sent = services.tokens().subList(before, services.tokens().size());
    assertThat(sent).hasSize(1);
    assertIssuedFor(sent.get(0), "lotus-stock", member.id(), "STAFF");
  }

  private void assertIssuedFor(SignedJWT token, String audience, long subject, String role)
      throws Exception {
    JWTClaimsSet claims = token.getJWTClaimsSet();
    assertThat(claims.getAudience()).containsExactly(audience);
    assertThat(claims.getSubject()).isEqualTo(Long.toString(subject));
    assertThat(claims.getStringListClaim("roles")).containsExactly(role);
    assertThat(claims.getIssuer()).isEqualTo("lotus-saga");
    assertThat(Duration.between(Instant.now(), claims.getExpirationTime().toInstant()))
        .isPositive()
        .isLessThanOrEqualTo(Duration.ofSeconds(60));
    RSAKey published = publishedKeys().getKeyByKeyId(token.getHeader().getKeyID()).toRSAKey();
    JWSVerifier verifier = new RSASSAVerifier(published);
    assertThat(token.verify(verifier)).as("signed by a published key").isTrue();
  }

  private JWKSet publishedKeys() throws Exception {
    return JWKSet.parse(
        http.perform(get("/.well-known/jwks.json")).andReturn().getResponse().getContentAsString());
  }
}
