package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.session.RevocationReason;
import dev.lotussaga.gateway.session.Sessions;
import dev.lotussaga.gateway.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff: gives an account another role. A change revokes all of that account's sessions, so no
 * token with the old role is honoured; setting the role it has changes and revokes nothing.
 */
@RestController
@Validated
class UserRoleController {

  private final UserAccountRepository users;
  private final Sessions sessions;
  private final StaffProperties staff;

  UserRoleController(UserAccountRepository users, Sessions sessions, StaffProperties staff) {
    this.users = users;
    this.sessions = sessions;
    this.staff = staff;
  }

  @ApiResponse(
      responseCode = "200",
      description = "The user's role now; their sessions are revoked if it changed",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "403", description = "This operation is for staff only")
  @ApiResponse(responseCode = "404", description = "There is no such user")
  @ApiResponse(
      responseCode = "409",
      description = "The staff account from configuration stays staff")
  @PutMapping("/admin/users/{id}/role")
  @Transactional
  RoleAssigned assign(@PathVariable @Positive long id, @Valid @RequestBody RoleChange change) {
    UserAccount user =
        users
            .findById(id)
            .orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND, "No user " + id));
    if (user.role() != change.role()) {
      if (user.email().equals(ProfileController.normalize(staff.email()))) {
        throw new ApiException(
            HttpStatus.CONFLICT,
            "The staff account from configuration stays staff; it would be made staff again at"
                + " the next start");
      }
      user.promoteTo(change.role());
      sessions.revokeAllOf(user.id(), RevocationReason.ROLE_CHANGED);
    }
    return new RoleAssigned(user.id(), user.email(), user.role());
  }

  record RoleChange(@NotNull Role role) {}

  record RoleAssigned(long id, String email, Role role) {}
}
