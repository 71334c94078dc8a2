package dev.lotussaga.gateway.profile;

import dev.lotussaga.gateway.session.RevocationReason;
import dev.lotussaga.gateway.session.Sessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Makes sure the configured staff account exists with the configured password and the staff role;
 * when either had to change, the account's sessions are revoked, as any such change does.
 */
@Component
class StaffAccount implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(StaffAccount.class);

  private final UserAccountRepository users;
  private final PasswordEncoder passwords;
  private final StaffProperties staff;
  private final Sessions sessions;

  StaffAccount(
      UserAccountRepository users,
      PasswordEncoder passwords,
      StaffProperties staff,
      Sessions sessions) {
    this.users = users;
    this.passwords = passwords;
    this.staff = staff;
    this.sessions = sessions;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    String email = ProfileController.normalize(staff.email());
    UserAccount account =
        users
            .findByEmail(email)
            .orElseGet(() -> new UserAccount(email, "", "Staff", null, Role.STAFF));
    boolean passwordChanged =
        account.passwordHash().isEmpty()
            || !passwords.matches(staff.password(), account.passwordHash());
    if (passwordChanged) {
      account.changePassword(passwords.encode(staff.password()));
    }
    boolean roleChanged = account.role() != Role.STAFF;
    account.promoteTo(Role.STAFF);
    users.save(account);
    if (passwordChanged) {
      sessions.revokeAllOf(account.id(), RevocationReason.PASSWORD_CHANGED);
    } else if (roleChanged) {
      sessions.revokeAllOf(account.id(), RevocationReason.ROLE_CHANGED);
    }
    log.info("Staff account {} ready", email);
  }
}
