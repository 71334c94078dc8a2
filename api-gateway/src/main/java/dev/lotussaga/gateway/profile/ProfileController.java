package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.profile.throttle.LoginThrottle;
import dev.lotussaga.gateway.security.IssuedToken;
import dev.lotussaga.gateway.security.TokenIssuer;
import dev.lotussaga.gateway.system.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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

  private static final int BCRYPT_MAX_BYTES = 72;

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final TokenIssuer tokens;
  private final LoginThrottle throttle;

  /** Compared against when the email is unknown, so that a login takes as long either way. */
  private final String noSuchUserHash;

  ProfileController(
      UserAccountRepository users,
      PasswordEncoder passwords,
      TokenIssuer tokens,
      LoginThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.throttle = throttle;
    this.noSuchUserHash = passwords.encode(UUID.randomUUID().toString());
  }

  @PostMapping("/register")
  ResponseEntity<Registered> register(@Valid @RequestBody Registration registration) {
    requireBcryptLength(registration.password());
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

  /** Throttled per account and per client address; a refused attempt is not even checked. */
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
      IssuedToken token =
          tokens.issue(user.get().id(), user.get().email(), user.get().role().name());
      return new LoggedIn(token.value(), "Bearer", token.expiresIn().toSeconds(), user.get().id());
    }
  }

  /** bcrypt reads at most 72 bytes; 72 characters of non-ASCII text are more than that. */
  private static void requireBcryptLength(String password) {
    if (password.getBytes(StandardCharsets.UTF_8).length > BCRYPT_MAX_BYTES) {
      throw new ApiException(
          HttpStatus.BAD_REQUEST,
          "password must be at most " + BCRYPT_MAX_BYTES + " bytes (UTF-8)");
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

  record LoggedIn(String accessToken, String tokenType, long expiresIn, long userId) {}
}
