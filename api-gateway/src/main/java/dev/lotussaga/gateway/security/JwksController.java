package dev.lotussaga.gateway.security;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Publishes the public half of the signing key, so that other parties can verify our tokens. */
@RestController
class JwksController {

  private final Map<String, Object> publicJwks;

  JwksController(RSAKey signingKey) {
    this.publicJwks = new JWKSet(signingKey.toPublicJWK()).toJSONObject();
  }

  @GetMapping("/.well-known/jwks.json")
  Map<String, Object> jwks() {
    return publicJwks;
  }
}
