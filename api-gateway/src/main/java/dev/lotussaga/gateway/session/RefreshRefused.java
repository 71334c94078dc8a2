package dev.lotussaga.gateway.session;

import dev.lotussaga.gateway.system.ApiException;
import org.springframework.http.HttpStatus;

/** A refresh token that renews nothing: unknown, expired, used before, or of an ended session. */
public final class RefreshRefused extends ApiException {

  RefreshRefused(String detail) {
    super(HttpStatus.UNAUTHORIZED, detail);
  }
}
