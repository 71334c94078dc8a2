package dev.lotussaga.web.auth;

import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.ErrorResponseException;

/**
 * Who an internal call acts for, as the gateway's token says: a buyer (only on their own account,
 * stock reads, notifications) or a staff member. Taken as a controller method argument.
 */
public record InternalCaller(long userId, boolean staff) {

  public static final String ROLES_CLAIM = "roles";

  static InternalCaller of(Jwt token) {
    List<String> roles = token.getClaimAsStringList(ROLES_CLAIM);
    return new InternalCaller(
        Long.parseLong(token.getSubject()), roles != null && roles.contains("STAFF"));
  }

  /** A buyer acts on their own data only; staff on anyone's. */
  public void mayActFor(long ownerId) {
    if (!staff && ownerId != userId) {
      throw forbidden("User " + userId + " may not act for user " + ownerId);
    }
  }

  public void mustBeStaff() {
    if (!staff) {
      throw forbidden("This operation is for staff only");
    }
  }

  private static ErrorResponseException forbidden(String detail) {
    return new ErrorResponseException(
        HttpStatus.FORBIDDEN, ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, detail), null);
  }
}
