package dev.lotussaga.gateway.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.util.Base64URL;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.Users;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/** Every token that is not exactly ours, unexpired, for us and untouched is refused. */
@GatewayTest
class TokenSecurityTest {

  @Autowired MockMvc http;
  @Autowired SigningKeys keys;
  RSAKey signingKey;

  @org.junit.jupiter.api.BeforeEach
  void theSigningKey() {
    signingKey = keys.signing();
  }

  private Users.SignedIn user;

  @BeforeEach
  void signIn() throws Exception {
    user = Users.newUser(http);
  }

  @Test
  void acceptsTheTokenIssuedAtLogin() throws Exception {
    http.perform(get("/order").header("Authorization", user.bearer())).andExpect(status().isOk());
  }

  @Test
  void acceptsAWellFormedTokenSignedWithOurKey() throws Exception {
    assertAccepted(sign(claims(c -> c), new RSASSASigner(signingKey), JWSAlgorithm.RS256));
  }

  @Test
  void refusesATokenSignedWithOurKeyThatNamesNoLiveSession() throws Exception {
    assertUnauthorized("Bearer " + ours(claims(c -> c.claim("sid", null))));
    assertUnauthorized("Bearer " + ours(claims(c -> c.claim("sid", "not-a-session"))));
    assertUnauthorized("Bearer " + ours(claims(c -> c.claim("sid", UUID.randomUUID().toString()))));
  }

  @Test
  void refusesRequestsWithoutOrWithMalformedTokens() throws Exception {
    assertUnauthorized(null);
    assertUnauthorized("Bearer");
    assertUnauthorized("Bearer not.a.token");
    assertUnauthorized("Basic " + java.util.Base64.getEncoder().encodeToString("a:b".getBytes()));
  }

  @Test
  void refusesUnsignedTokens() throws Exception {
    String payload = Base64URL.encode(claims(c -> c).toString()).toString();
    String header = Base64URL.encode("{\"alg\":\"none\",\"typ\":\"JWT\"}").toString();
    assertUnauthorized("Bearer " + header + "." + payload + ".");
  }

  @Test
  void refusesHs256SignedWithOurPublicKey() throws Exception {
    byte[] publicKey = signingKey.toRSAPublicKey().getEncoded();
    assertUnauthorized(
        "Bearer " + sign(claims(c -> c), new MACSigner(publicKey), JWSAlgorithm.HS256));
  }

  @Test
  void refusesTokensSignedWithAnotherKey() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
    assertUnauthorized(
        "Bearer " + sign(claims(c -> c), new RSASSASigner(stranger), JWSAlgorithm.RS256));
  }

  @Test
  void refusesExpiredAndNotYetValidTokens() throws Exception {
    Instant now = Instant.now();
    assertUnauthorized(
        "Bearer "
            + ours(
                claims(
                    c ->
                        c.issueTime(Date.from(now.minus(Duration.ofHours(2))))
                            .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                            .expirationTime(Date.from(now.minus(Duration.ofMinutes(5)))))));
    assertUnauthorized(
        "Bearer "
            + ours(claims(c -> c.notBeforeTime(Date.from(now.plus(Duration.ofMinutes(10)))))));
  }

  @Test
  void refusesTokensForAnotherIssuerOrAudience() throws Exception {
    assertUnauthorized("Bearer " + ours(claims(c -> c.issuer("someone-else"))));
    assertUnauthorized("Bearer " + ours(claims(c -> c.audience("another-api"))));
  }

  @Test
  void refusesATokenWhosePayloadWasChanged() throws Exception {
    String[] parts = user.token().split("\\.");
    String forged =
        new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
            .replace("\"USER\"", "\"STAFF\"");
    assertUnauthorized("Bearer " + parts[0] + "." + Base64URL.encode(forged) + "." + parts[2]);
  }

  @Test
  void aStaffRoleForgedIntoAUserTokenIsUnauthorizedNotForbidden() throws Exception {
    String[] parts = user.token().split("\\.");
    String forged =
        new String(Base64URL.from(parts[1]).decode(), StandardCharsets.UTF_8)
            .replace("\"USER\"", "\"STAFF\"");
    String bearer = "Bearer " + parts[0] + "." + Base64URL.encode(forged) + "." + parts[2];

    http.perform(
            put("/stock/add")
                .param("idSubscription", "2")
                .param("count", "1")
                .header("Authorization", bearer))
        .andExpect(status().isUnauthorized())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }

  @Test
  void refusesATokenThatBringsItsOwnKey() throws Exception {
    RSAKey attacker = new RSAKeyGenerator(2048).keyID(signingKey.getKeyID()).generate();
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(JWSAlgorithm.RS256)
                .type(JOSEObjectType.JWT)
                .keyID(attacker.getKeyID())
                .jwk(attacker.toPublicJWK())
                .build(),
            claims(c -> c.claim("roles", List.of("STAFF"))));
    jwt.sign(new RSASSASigner(attacker));

    assertUnauthorized("Bearer " + jwt.serialize());
  }

  @Test
  void aValidTokenWithoutTheStaffRoleIsForbiddenStaffOperations() throws Exception {
    for (JWTClaimsSet claims :
        List.of(
            claims(c -> c.claim("roles", null)),
            claims(c -> c.claim("roles", List.of())),
            claims(c -> c.claim("roles", List.of("staff"))),
            claims(c -> c.claim("roles", List.of("USER", "ROLE_STAFF"))))) {
      String bearer = "Bearer " + ours(claims);
      http.perform(get("/order").header("Authorization", bearer)).andExpect(status().isOk());
      http.perform(
              put("/stock/add")
                  .param("idSubscription", "2")
                  .param("count", "1")
                  .header("Authorization", bearer))
          .andExpect(status().isForbidden())
          .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    }
  }

  @Test
  void aUserIsForbiddenStaffOperations() throws Exception {
    http.perform(
            put("/stock/add")
                .param("idSubscription", "2")
                .param("count", "1")
                .header("Authorization", user.bearer()))
        .andExpect(status().isForbidden())
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
    http.perform(
            put("/delivery/accept").param("idOrder", "x").header("Authorization", user.bearer()))
        .andExpect(status().isForbidden());
  }

  @Test
  void publishesThePublicKeyOnly() throws Exception {
    http.perform(get("/.well-known/jwks.json"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.keys[0].kty").value("RSA"))
        .andExpect(jsonPath("$.keys[0].kid").value(signingKey.getKeyID()))
        .andExpect(jsonPath("$.keys[0].d").doesNotExist());
  }

  private JWTClaimsSet claims(UnaryOperator<JWTClaimsSet.Builder> change) {
    Instant now = Instant.now();
    JWTClaimsSet.Builder valid =
        new JWTClaimsSet.Builder()
            .issuer("lotus-saga")
            .audience("lotus-saga-api")
            .subject(Long.toString(user.id()))
            .claim("roles", List.of("USER"))
            .claim("sid", sessionOf(user))
            .issueTime(Date.from(now))
            .notBeforeTime(Date.from(now))
            .expirationTime(Date.from(now.plus(Duration.ofMinutes(10))));
    return change.apply(valid).build();
  }

  /** The session the user's login started: a token signed by us is still refused without one. */
  private static String sessionOf(Users.SignedIn user) {
    try {
      return SignedJWT.parse(user.token()).getJWTClaimsSet().getStringClaim("sid");
    } catch (java.text.ParseException e) {
      throw new IllegalStateException("The login answered no JWT", e);
    }
  }

  private String ours(JWTClaimsSet claims) throws Exception {
    return sign(claims, new RSASSASigner(signingKey), JWSAlgorithm.RS256);
  }

  private String sign(JWTClaimsSet claims, JWSSigner signer, JWSAlgorithm algorithm)
      throws Exception {
    SignedJWT jwt =
        new SignedJWT(
            new JWSHeader.Builder(algorithm)
                .type(JOSEObjectType.JWT)
                .keyID(signingKey.getKeyID())
                .build(),
            claims);
    jwt.sign(signer);
    return jwt.serialize();
  }

  private void assertAccepted(String token) throws Exception {
    http.perform(get("/order").header("Authorization", "Bearer " + token))
        .andExpect(status().isOk());
  }

  private void assertUnauthorized(String authorization) throws Exception {
    var request = get("/order");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    http.perform(request)
        .andExpect(status().isUnauthorized())
        .andExpect(header().string("WWW-Authenticate", org.hamcrest.Matchers.startsWith("Bearer")))
        .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON));
  }
}
