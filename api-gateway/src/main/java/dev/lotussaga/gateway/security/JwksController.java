package dev.lotussaga.gateway.security;

import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Publishes the public half of every signing key, so that the internal services (and anyone else)
 * can verify our tokens, including those signed by a key being rotated out.
 */
@RestController
class JwksController {

  private final Map<String, Object> publicJwks;

  JwksController(SigningKeys keys) {
    this.publicJwks = keys.publicSet().toJSONObject();
  }

  @SecurityRequirements // open to anyone
  @GetMapping("/.well-known/jwks.json")
  Map<String, Object> jwks() {
    return publicJwks;
  }
}
