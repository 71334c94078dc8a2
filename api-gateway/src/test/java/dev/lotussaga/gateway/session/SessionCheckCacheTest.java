package dev.lotussaga.gateway.session;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jwt.SignedJWT;
import dev.lotussaga.gateway.GatewayTest;
import dev.lotussaga.gateway.MovableClock;
import dev.lotussaga.gateway.Users;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/** How long a replica keeps honouring a session that another replica revoked. */
@GatewayTest
class SessionCheckCacheTest {

  @Autowired MockMvc http;
  @Autowired MovableClock clock;
  @Autowired JdbcTemplate database;

  @Test
  void aRevocationByAnotherReplicaIsHonouredWithinTheCacheTime() throws Exception {
    Users.SignedIn user = Users.newUser(http);
    http.perform(get("/order").header("Authorization", user.bearer())).andExpect(status().isOk());

    database.update(
        "update user_session set revoked_at = now(), revoked_reason = 'LOGOUT' where id = ?",
        UUID.fromString(SignedJWT.parse(user.token()).getJWTClaimsSet().getStringClaim("sid")));

    http.perform(get("/order").header("Authorization", user.bearer())).andExpect(status().isOk());
    clock.advance(Duration.ofSeconds(5));
    http.perform(get("/order").header("Authorization", user.bearer()))
        .andExpect(status().isUnauthorized());
  }
}
