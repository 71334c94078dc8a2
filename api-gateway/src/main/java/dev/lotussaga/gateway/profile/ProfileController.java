package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.profile.throttle.LoginThrottle;
import dev.lotussaga.gateway.profile.throttle.RegistrationThrottle;
import dev.lotussaga.gateway.system.ApiException;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Locale;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/profile")
class ProfileController {

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final Logins logins;
  private final LoginThrottle throttle;
  private final RegistrationThrottle registrations;

  /** Compared against when the email is unknown, so that a login takes as long either way. */
  private final String noSuchUserHash;

  ProfileController(
      UserAccountRepository users,
      PasswordEncoder passwords,
      Logins logins,
      LoginThrottle throttle,
      RegistrationThrottle registrations) {
    this.users = users;
    this.passwords = passwords;
    this.logins = logins;
    this.throttle = throttle;
    this.registrations = registrations;
    this.noSuchUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** Throttled per client address, attempts that find the email taken included. */
  @SecurityRequirements // open to anyone
  @ApiResponse(
      responseCode = "201",
      description = "Registered; Location names the new profile",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "409", description = "The email is already registered")
  @ApiResponse(
      responseCode = "429",
      description = "Too many registrations from this address; Retry-After says when to try again")
  @ApiResponse(responseCode = "503", description = "The database is unavailable; retry")
  @PostMapping("/register")
  ResponseEntity<Registered> register(
      @Valid @RequestBody Registration registration, HttpServletRequest request) {
    PasswordRules.requireBcryptLength("password", registration.password());
    registrations.admit(request.getRemoteAddr());
    String email = normalize(registration.email());
    if (users.existsByEmail(email)) {
      throw emailTaken(email);
    }
    UserAccount user;
    try {
      user =
          users.saveAndFlush(
              new UserAccount(
                  email,
                  passwords.encode(registration.password()),
                  registration.firstName(),
                  registration.lastName(),
                  Role.USER));
    } catch (DataIntegrityViolationException raced) {
      throw emailTaken(email);
    }
    return ResponseEntity.created(URI.create("/profile/" + user.id()))
        .body(new Registered(user.id(), user.email()));
  }

  /**
   * Throttled per account and per client address; a refused attempt is not even checked. Starts a
   * session (docs/api.md "Sessions and tokens").
   */
  @SecurityRequirements // open to anyone
  @ApiResponse(
      responseCode = "200",
      description = "Logged in: an access token and a refresh token",
      useReturnTypeSchema = true)
  @ApiResponse(responseCode = "401", description = "Wrong email or password")
  @ApiResponse(
      responseCode = "429",
      description =
          "Too many failed logins for this account or address; Retry-After says when to try again")
  @ApiResponse(responseCode = "503", description = "The database is unavailable; retry")
  @PostMapping("/login")
  LoggedIn login(@Valid @RequestBody Credentials credentials, HttpServletRequest request) {
    String email = normalize(credentials.email());
    try (LoginThrottle.Attempt attempt = throttle.begin(email, request.getRemoteAddr())) {
      var user = users.findByEmail(email);
      String hash = user.map(UserAccount::passwordHash).orElse(noSuchUserHash);
      boolean matches = passwords.matches(credentials.password(), hash);
      if (user.isEmpty() || !matches) {
        attempt.failed();
        throw new ApiException(HttpStatus.UNAUTHORIZED, "Wrong email or password");
      }
      attempt.succeeded();
      return logins.start(user.get());
    }
  }

  static String normalize(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  private static ApiException emailTaken(String email) {
    return new ApiException(HttpStatus.CONFLICT, "Email " + email + " is already registered");
  }

  record Registration(
      @NotBlank @Email @Size(max = 254) String email,
      @NotBlank @Size(min = 8, max = 72) String password,
      @Size(max = 100) String firstName,
      @Size(max = 100) String lastName) {}

  record Registered(long id, String email) {}

  record Credentials(
      @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 72) String password) {}
}
